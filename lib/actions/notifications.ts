"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction } from "@/lib/auth/guards";
import { createCalendarToken, revokeCalendarTokens } from "@/lib/data/calendar-tokens";
import { markAllNotificationsRead, markNotificationRead, saveDeliverySettings } from "@/lib/data/notifications";
import { calendarLinkInput, deliveryInput, notificationIdInput } from "@/lib/reminders/validation";

// The bell's count lives in the signed-in layout: every change to read state refreshes it.
const refresh = () => revalidatePath("/", "layout");

/** Another user's (or no such) notification id is "notFound". */
export const markNotificationReadAction = authedAction(notificationIdInput, async ({ id }, { db, user }) => {
  await markNotificationRead(db, { userId: user.id, id });
  refresh();
  return null;
});

/** "Open": marks the notification read and goes where it is acted on (always a path of this app). */
export const openNotificationAction = authedAction(notificationIdInput, async ({ id }, { db, user }) => {
  const row = await db.notification.findFirst({ where: { id, userId: user.id }, select: { href: true } });
  if (!row) redirect("/notifications");
  await markNotificationRead(db, { userId: user.id, id });
  refresh();
  redirect(row.href.startsWith("/") && !row.href.startsWith("//") ? row.href : "/notifications");
});

export const markAllReadAction = authedAction(z.object({}), async (_input, { db, user }) => {
  const count = await markAllNotificationsRead(db, { userId: user.id });
  refresh();
  return { count };
});

export const saveDeliveryAction = authedAction(deliveryInput, async (settings, { db, user }) => {
  await saveDeliverySettings(db, { userId: user.id, settings });
  revalidatePath("/settings/notifications");
  return null;
});

/** Creates (replacing any live one) or revokes the borrower's calendar link; a new secret is returned this once. */
export const calendarLinkAction = authedAction(calendarLinkInput, async ({ op }, { db, user }) => {
  revalidatePath("/settings/calendar");
  if (op === "revoke") {
    await revokeCalendarTokens(db, { userId: user.id });
    return { token: null };
  }
  const { token } = await createCalendarToken(db, { userId: user.id });
  return { token };
});
