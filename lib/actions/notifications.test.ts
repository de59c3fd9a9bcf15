import "./testing/mock-next";
import { expect, it } from "vitest";
import { calendarOwner } from "@/lib/data/calendar-tokens";
import { addNotifications, countUnread, deliverySettings } from "@/lib/data/notifications";
import { describeDatabases } from "@/lib/db/test-db";
import { as, form, outcome, signInAsNewBorrower } from "./testing/harness";

const { markNotificationReadAction, openNotificationAction, markAllReadAction, saveDeliveryAction, calendarLinkAction } = await import("./notifications");

const item = (key: string, href = "/dashboard") => ({ kind: "NEW_SIGNAL" as const, key, day: "2025-06-20", href, data: { code: "CREDIT_INQUIRIES", metric: "inquiries30d", value: 3, threshold: 3 } });

describeDatabases("notification actions", (ctx) => {
  it("mark one read, open one (read, then where it is acted on), mark all read; the bell's layout is refreshed", async () => {
    const db = ctx().prisma;
    const userId = await signInAsNewBorrower(db);
    await addNotifications(db, { userId, mail: false, items: [item("a"), item("b", "/drops/2025-03-30"), item("c")] });
    const [a, b] = await db.notification.findMany({ where: { userId }, orderBy: { dedupeKey: "asc" } });
    expect(await markNotificationReadAction(null, form({ id: a!.id }))).toEqual({ ok: true, data: null });
    expect(await countUnread(db, { userId })).toBe(2);
    expect(await outcome(() => openNotificationAction(null, form({ id: b!.id })))).toBe("REDIRECT:/drops/2025-03-30");
    expect(await countUnread(db, { userId })).toBe(1);
    expect(await markAllReadAction(null, form({}))).toEqual({ ok: true, data: { count: 1 } });
    expect(await countUnread(db, { userId })).toBe(0);
    expect(as.revalidated).toContain("/");
    expect(await markNotificationReadAction(null, form({ id: "no such id" }))).toMatchObject({ ok: false, code: "invalid" });
    expect(await markNotificationReadAction(null, form({ id: "cunknown0000" }))).toEqual({ ok: false, code: "notFound" });
  });

  it("saves delivery per kind from the form's checkboxes (an absent box is off)", async () => {
    const db = ctx().prisma;
    const userId = await signInAsNewBorrower(db);
    expect(await saveDeliveryAction(null, form({ "INSTALMENT_DUE.inApp": "on", "INSTALMENT_DUE.email": "on", "NEW_SIGNAL.digest": "on" }))).toEqual({ ok: true, data: null });
    const s = await deliverySettings(db, { userId });
    expect(s.INSTALMENT_DUE).toEqual({ inApp: true, email: true, digest: false });
    expect(s.NEW_SIGNAL).toEqual({ inApp: false, email: false, digest: true });
    expect(s.RECOVERY_CHECK).toEqual({ inApp: false, email: false, digest: false });
  });

  it("creates a calendar link shown once, replaces it, and revokes it", async () => {
    const db = ctx().prisma;
    const userId = await signInAsNewBorrower(db);
    const first = await calendarLinkAction(null, form({ op: "create" }));
    const second = await calendarLinkAction(null, form({ op: "create" }));
    if (!first.ok || !second.ok || !first.data.token || !second.data.token) throw new Error("expected two links");
    expect(await calendarOwner(db, first.data.token)).toBeNull();
    expect(await calendarOwner(db, second.data.token)).toBe(userId);
    expect(await calendarLinkAction(null, form({ op: "revoke" }))).toEqual({ ok: true, data: { token: null } });
    expect(await calendarOwner(db, second.data.token)).toBeNull();
    expect(await calendarLinkAction(null, form({ op: "delete-everything" }))).toMatchObject({ ok: false, code: "invalid" });
  });
});
