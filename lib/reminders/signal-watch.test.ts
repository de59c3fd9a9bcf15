import { expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { historyHandlers } from "@/lib/api/v1/history";
import { apiRequest, userWithToken } from "@/lib/api/v1/test-helpers";
import { importHistory } from "@/lib/data/history";
import type { HistoryEvent } from "@/lib/history/schema";
import { withSignalWatch } from "./signal-watch";
import { borrowerWith } from "./testing";

const doc = (events: HistoryEvent[]) => ({ format: "credit-health-history" as const, version: 1 as const, events });
const inquiry = (id: string, date: string): HistoryEvent => ({ id, type: "inquiry", date, lender: "Bank" });

describeDatabases("new early-warning signals after an import", (ctx) => {
  it("alerts only signals that were not active before, once", async () => {
    const db = ctx().prisma;
    const now = new Date("2025-06-20T04:00:00Z");
    const user = await borrowerWith(db, [{ id: "l1", type: "limit", date: "2025-06-01", limit: 20000 }, inquiry("q1", "2025-06-10")]);
    const pending: Promise<void>[] = [];
    const defer = (task: () => Promise<void>) => void pending.push(task());
    const watch = (events: HistoryEvent[]) => withSignalWatch(db, user.id, () => importHistory(db, { userId: user.id, document: doc(events) }), { now, defer });

    // Two more inquiries within 30 days: three, the burst that has preceded cuts.
    await watch([inquiry("q2", "2025-06-15"), inquiry("q3", "2025-06-18")]);
    await Promise.all(pending.splice(0));
    const first = await db.notification.findMany({ where: { userId: user.id } });
    expect(first.map((n) => [n.kind, n.data])).toEqual([["NEW_SIGNAL", expect.objectContaining({ code: "CREDIT_INQUIRIES", metric: "inquiries30d", value: 3 })]]);
    expect(first[0]!.href).toBe("/dashboard");

    // A fourth: the same signal was already active, so nothing new.
    await watch([inquiry("q4", "2025-06-19")]);
    await Promise.all(pending.splice(0));
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(1);
  });

  it("an import that adds no signal alerts nothing", async () => {
    const db = ctx().prisma;
    const now = new Date("2025-06-20T04:00:00Z");
    const user = await borrowerWith(db, [{ id: "l1", type: "limit", date: "2025-06-01", limit: 20000 }]);
    const pending: Promise<void>[] = [];
    await withSignalWatch(db, user.id, () => importHistory(db, { userId: user.id, document: doc([{ id: "s1", type: "score", date: "2025-06-02", score: 700 }]) }), { now, defer: (t) => void pending.push(t()) });
    await Promise.all(pending);
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0);
  });

  it("the sync API raises the alert too, after its answer", async () => {
    const db = ctx().prisma;
    const { user, token } = await userWithToken(db);
    const post = (events: HistoryEvent[]) => historyHandlers(() => db).POST(apiRequest("/api/v1/history", { token, body: JSON.stringify(doc(events)) }));
    const recent = (n: number) => new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);
    expect((await post([{ id: "l1", type: "limit", date: recent(40), limit: 20000 }, inquiry("q1", recent(20))])).status).toBe(200);
    expect((await post([inquiry("q2", recent(10)), inquiry("q3", recent(2))])).status).toBe(200);
    // Outside a Next request there is no after(): the check runs in the background, so wait for it.
    let found = 0;
    for (let i = 0; i < 40 && found === 0; i++) {
      found = await db.notification.count({ where: { userId: user.id, kind: "NEW_SIGNAL", dedupeKey: { startsWith: "signal:CREDIT_INQUIRIES:" } } });
      if (!found) await new Promise((r) => setTimeout(r, 250));
    }
    expect(found).toBe(1);
  });
});
