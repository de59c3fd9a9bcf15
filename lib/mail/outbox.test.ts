import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { addNotifications, deliverySettings, saveDeliverySettings } from "@/lib/data/notifications";
import { borrowerWith } from "@/lib/reminders/testing";
import type { MailConfig } from "./config";
import { sendPendingAlerts, sendWeeklyDigests } from "./outbox";
import { startSmtp, type TestSmtp } from "./testing";

const h = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/db", () => ({
  get db() {
    return h.db;
  },
}));

const SECRET = "test-secret-for-unsubscribe-links-0123456789";
let smtp: TestSmtp;
let config: MailConfig;

beforeAll(async () => {
  smtp = await startSmtp(3182);
  config = { smtpUrl: smtp.url, from: "Credit Health <alerts@credit.test>", baseUrl: "https://credit.test", secret: SECRET };
  process.env.NEXTAUTH_SECRET = SECRET;
});
afterAll(() => smtp.close());

const due = { kind: "INSTALMENT_DUE" as const, key: "due:L-1:2025-02-28", day: "2025-02-28", href: "/data/events/new?type=repayment", data: { amount: 1000, index: 1, count: 3, loan: "L-1", lender: "" } };
const optIn = { inApp: true, email: true, digest: true };

describeDatabases("e-mail alerts through a real SMTP server", (ctx) => {
  it("sends the alert in the borrower's language with a working one-click unsubscribe", async () => {
    const db = ctx().prisma;
    h.db = db;
    smtp.messages.length = 0;
    const user = await borrowerWith(db, [], { locale: "zh-CN", email: `zh-${Date.now()}@example.com` });
    await saveDeliverySettings(db, { userId: user.id, settings: { INSTALMENT_DUE: optIn } });
    expect(await addNotifications(db, { userId: user.id, items: [due], mail: true })).toBe(1);

    expect(await sendPendingAlerts(db, { config })).toEqual({ sent: 1, failed: 0 });
    // Sent once: a second run finds nothing due.
    expect(await sendPendingAlerts(db, { config })).toEqual({ sent: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const m = smtp.messages[0]!;
    expect(m.subject).toBe("2025年2月28日有一期¥1,000的分期到期");
    expect(m.text).toContain("第1期，共3期");
    expect(m.text).toContain("https://credit.test/data/events/new?type=repayment");
    expect(m.to && "text" in m.to ? m.to.text : "").toBe(user.email);
    // The raw header lines, as a mail client reads them (mailparser folds List-* into one object).
    const raw = (name: string) => (m.headerLines.find((l) => l.key === name)?.line ?? "").replace(/\r?\n(?=[ \t])/g, "");
    expect(raw("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    // RFC 8058: the List-Unsubscribe URL takes one POST, without cookies.
    const postUrl = /^List-Unsubscribe:\s*<(https:\/\/credit\.test\/api\/email\/unsubscribe\?t=[A-Za-z0-9_.-]+)>$/.exec(raw("list-unsubscribe"))?.[1];
    expect(postUrl).toBeTruthy();
    const route = await import("@/app/api/email/unsubscribe/route");
    const res = await route.POST(new Request(postUrl!, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }));
    expect(res.status).toBe(200);
    expect((await deliverySettings(db, { userId: user.id })).INSTALMENT_DUE).toEqual({ inApp: true, email: false, digest: false });
    // Only that kind: others keep what the borrower chose.
    expect((await deliverySettings(db, { userId: user.id })).NEW_SIGNAL.inApp).toBe(true);

    // The link in the body opens the page, whose button posts the same token (a form, no One-Click body): back to the page, done.
    const pageUrl = /https:\/\/credit\.test\/unsubscribe\?t=([A-Za-z0-9_.-]+)/.exec(m.text ?? "");
    expect(pageUrl).toBeTruthy();
    await saveDeliverySettings(db, { userId: user.id, settings: { INSTALMENT_DUE: optIn } });
    const pagePost = (t: string) => route.POST(new Request(`https://credit.test/api/email/unsubscribe?t=${t}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" }));
    const done = await pagePost(pageUrl![1]!);
    expect([done.status, done.headers.get("location")]).toEqual([303, "/unsubscribe?done=1"]);
    expect((await deliverySettings(db, { userId: user.id })).INSTALMENT_DUE.email).toBe(false);
    // A forged token does nothing.
    await saveDeliverySettings(db, { userId: user.id, settings: { INSTALMENT_DUE: optIn } });
    const forged = await pagePost(pageUrl![1]!.slice(0, -2) + "xx");
    expect([forged.status, forged.headers.get("location")]).toEqual([303, "/unsubscribe"]);
    expect((await deliverySettings(db, { userId: user.id })).INSTALMENT_DUE.email).toBe(true);
  });

  it("a server that refuses the first attempt gets a retry, and the message arrives once", async () => {
    const db = ctx().prisma;
    smtp.messages.length = 0;
    const user = await borrowerWith(db, [], { locale: "en" });
    await saveDeliverySettings(db, { userId: user.id, settings: { INSTALMENT_DUE: optIn } });
    await addNotifications(db, { userId: user.id, items: [due], mail: true });
    smtp.refuseNext(1);
    const t0 = new Date();
    await expect(sendPendingAlerts(db, { config, now: t0 })).rejects.toThrow(/1 of 1 failed/);
    const row = await db.notification.findFirstOrThrow({ where: { userId: user.id } });
    expect(row).toMatchObject({ emailStatus: "pending", emailAttempts: 1 });
    expect(smtp.messages).toHaveLength(0);
    // Not before the backoff…
    expect(await sendPendingAlerts(db, { config, now: new Date(t0.getTime() + 30_000) })).toEqual({ sent: 0, failed: 0 });
    // …then the retry goes through.
    expect(await sendPendingAlerts(db, { config, now: new Date(t0.getTime() + 61_000) })).toEqual({ sent: 1, failed: 0 });
    expect(smtp.messages.map((m) => m.subject)).toEqual(["Instalment of ¥1,000 due on February 28, 2025"]);
    expect(await db.notification.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ emailStatus: "sent", emailAttempts: 2 });
  });

  it("the weekly digest lists the week's notifications once, in the borrower's language", async () => {
    const db = ctx().prisma;
    smtp.messages.length = 0;
    const user = await borrowerWith(db, [], { locale: "zh-CN" });
    await saveDeliverySettings(db, { userId: user.id, settings: { INSTALMENT_DUE: { inApp: true, email: false, digest: true } } });
    await addNotifications(db, { userId: user.id, items: [due, { ...due, key: "due:L-1:2025-03-31", day: "2025-03-31", data: { ...due.data, index: 2 } }], mail: true });
    // Digest-only kinds owe no immediate e-mail.
    expect(await sendPendingAlerts(db, { config })).toEqual({ sent: 0, failed: 0 });
    smtp.refuseNext(1);
    await expect(sendWeeklyDigests(db, { config })).rejects.toThrow(/digest/);
    expect(await sendWeeklyDigests(db, { config })).toEqual({ sent: 1 });
    expect(await sendWeeklyDigests(db, { config })).toEqual({ sent: 0 });
    const mine = smtp.messages.filter((m) => m.to && "text" in m.to && m.to.text === user.email);
    expect(mine.map((m) => m.subject)).toEqual(["信用健康本周提醒：2条"]);
    expect(mine[0]!.text).toContain("2025年2月28日有一期¥1,000的分期到期");
    expect(mine[0]!.text).toContain("2025年3月31日有一期¥1,000的分期到期");
  });
});
