import { expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { saveDeliverySettings } from "@/lib/data/notifications";
import { DEFAULT_DELIVERY } from "./kinds";
import { runReminders } from "./run";
import { borrowerWith, drawHistory } from "./testing";

describeDatabases("the reminders job", (ctx) => {
  it("makes each due reminder once, however often it runs, and only for kinds the borrower wants", async () => {
    const db = ctx().prisma;
    // Drawn 31 January: instalments due 28 Feb, 31 Mar, 30 Apr. On 26 Feb (Shanghai) the first is due in 2 days.
    const wants = await borrowerWith(db, drawHistory("2025-01-31"));
    const off = await borrowerWith(db, drawHistory("2025-01-31"));
    await saveDeliverySettings(db, { userId: off.id, settings: { INSTALMENT_DUE: { ...DEFAULT_DELIVERY, inApp: false } } });
    const now = new Date("2025-02-26T02:00:00Z");
    await runReminders(db, { now });
    await runReminders(db, { now });
    const rows = await db.notification.findMany({ where: { userId: wants.id } });
    expect(rows.map((r) => [r.kind, r.day?.toISOString().slice(0, 10), r.href])).toEqual([["INSTALMENT_DUE", "2025-02-28", "/data/events/new?type=repayment"]]);
    expect(rows[0]!.data).toMatchObject({ amount: 1000, index: 1, count: 3 });
    expect(await db.notification.count({ where: { userId: off.id } })).toBe(0);
  });

  it("a repayment recorded before the due day means no reminder; none recorded means an overdue alert after it", async () => {
    const db = ctx().prisma;
    const paid = await borrowerWith(db, [...drawHistory("2025-01-31"), { id: "r1", type: "repayment", date: "2025-02-20", amount: 1000, loanId: "L-1" }]);
    const unpaid = await borrowerWith(db, drawHistory("2025-01-31"));
    await runReminders(db, { now: new Date("2025-02-27T02:00:00Z") });
    await runReminders(db, { now: new Date("2025-03-02T02:00:00Z") });
    expect(await db.notification.count({ where: { userId: paid.id } })).toBe(0);
    const kinds = (await db.notification.findMany({ where: { userId: unpaid.id }, orderBy: { createdAt: "asc" } })).map((r) => r.kind);
    expect(kinds).toEqual(["INSTALMENT_DUE", "INSTALMENT_OVERDUE"]);
  });
});
