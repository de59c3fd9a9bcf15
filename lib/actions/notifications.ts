"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { createCalendarToken, revokeCalendarTokens } from "@/lib/data/calendar-tokens";
import { markAllNotificationsRead, markNotificationRead, saveDeliverySettings } from "@/lib/data/notifications";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { unsubscribeWithToken } from "@/lib/mail/unsubscribe";
import { deliveryForm, deliveryInput, notificationId, unsubscribeForm } from "@/lib/reminders/validation";

// Server actions are public endpoints: each checks the session itself and parses its input with zod.

export type ActionState = { ok: true } | { ok: false; error: "invalid" | "notFound" | "unexpected" } | null;
export type CalendarState = { ok: true; token: string } | { ok: false; error: "unexpected" } | { ok: true; revoked: true } | null;

const refresh = () => {
  // The bell's count lives in the signed-in layout.
  revalidatePath("/", "layout");
};

export async function markNotificationReadAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  const parsed = notificationId.safeParse({ id: form.get("id") });
  if (!parsed.success) return { ok: false, error: "invalid" };
  try {
    await markNotificationRead(db, { userId: user.id, id: parsed.data.id });
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return { ok: false, error: "notFound" };
    throw err;
  }
  refresh();
  return { ok: true };
}

/** "Open": marks the notification read and goes where it is acted on (always a path of this app). */
export async function openNotificationAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = notificationId.safeParse({ id: form.get("id") });
  if (!parsed.success) redirect("/notifications");
  const row = await db.notification.findFirst({ where: { id: parsed.data.id, userId: user.id }, select: { href: true } });
  if (!row) redirect("/notifications");
  await markNotificationRead(db, { userId: user.id, id: parsed.data.id });
  refresh();
  redirect(row.href.startsWith("/") && !row.href.startsWith("//") ? row.href : "/notifications");
}

export async function markAllReadAction(): Promise<void> {
  const user = await requireUser();
  await markAllNotificationsRead(db, { userId: user.id });
  refresh();
}

export async function saveDeliveryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  const parsed = deliveryForm.safeParse(deliveryInput(form));
  if (!parsed.success) return { ok: false, error: "invalid" };
  await saveDeliverySettings(db, { userId: user.id, settings: parsed.data });
  revalidatePath("/settings/notifications");
  return { ok: true };
}

export async function createCalendarAction(): Promise<CalendarState> {
  const user = await requireUser();
  try {
    const { token } = await createCalendarToken(db, { userId: user.id });
    revalidatePath("/settings/calendar");
    return { ok: true, token };
  } catch (err) {
    console.error("creating a calendar link failed", err);
    return { ok: false, error: "unexpected" };
  }
}

export async function revokeCalendarAction(): Promise<CalendarState> {
  const user = await requireUser();
  await revokeCalendarTokens(db, { userId: user.id });
  revalidatePath("/settings/calendar");
  return { ok: true, revoked: true };
}

/** The unsubscribe page's button: no session (the link comes from an e-mail); the signed token is the credential. */
export async function unsubscribeAction(_prev: { done: boolean; invalid: boolean } | null, form: FormData): Promise<{ done: boolean; invalid: boolean }> {
  const parsed = unsubscribeForm.safeParse({ t: form.get("t") });
  if (!parsed.success) return { done: false, invalid: true };
  const scope = await unsubscribeWithToken(db, parsed.data.t, process.env.NEXTAUTH_SECRET);
  return scope ? { done: true, invalid: false } : { done: false, invalid: true };
}
