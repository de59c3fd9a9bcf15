import { describe, expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { explain } from "@/lib/core";
import type { HistoryEvent } from "@/lib/history/schema";
import { importHistory } from "./history";
import { cachedExplained, EXPLAINED_KIND } from "./explanation-cache";
import { platformDropWeeks, restoreCohorts, weekStart } from "./platform-drops";

describe("weekStart", () => {
  it.each([
    ["2025-03-30", "2025-03-24"], // Sunday
    ["2025-03-24", "2025-03-24"], // Monday
    ["2025-03-26", "2025-03-24"],
  ])("%s is in the week of %s", (day, monday) => expect(weekStart(day)).toBe(monday));
});

let seq = 0;
describeDatabases("platformDropWeeks", (ctx) => {
  /** One borrower observed on two days; `drop` makes the second observation lower. */
  async function borrower(product: string, first: string, second: string, drop: boolean) {
    const { prisma } = ctx();
    const user = await prisma.user.create({ data: { email: `pd${++seq}-${Date.now()}@example.com`, passwordHash: "x", product } });
    const events: HistoryEvent[] = [
      { id: "a", type: "limit", date: first, limit: 20000 },
      { id: "b", type: "limit", date: second, limit: drop ? 5000 : 20000 },
    ];
    await importHistory(prisma, { userId: user.id, document: { format: "credit-health-history", version: 1, borrower: { product }, events } });
    return user.id;
  }

  it("counts borrowers and drops per week, only for buckets of 20+ borrowers, per product", async () => {
    const { prisma } = ctx();
    // Week of 2025-03-24: 22 Jiebei borrowers observed, 6 of them dropped.
    for (let i = 0; i < 22; i++) await borrower("Jiebei", "2025-03-01", "2025-03-27", i < 6);
    // Week of 2025-05-05: only 5 borrowers, all dropped — too few to report.
    for (let i = 0; i < 5; i++) await borrower("Jiebei", "2025-04-01", "2025-05-06", true);
    // Another product in the first week must not count.
    for (let i = 0; i < 3; i++) await borrower("Weilidai", "2025-03-01", "2025-03-26", true);

    const weeks = await platformDropWeeks(prisma, { product: "Jiebei", days: ["2025-03-30", "2025-05-06"] });
    expect(weeks).toEqual([{ product: "Jiebei", weekStart: "2025-03-24", borrowers: 22, borrowersWithDrops: 6 }]);
    expect(await platformDropWeeks(prisma, { product: "Jiebei", days: [] })).toEqual([]);
  });

  it("makes POLICY_TIGHTENING fire in explain() when many borrowers dropped that week", async () => {
    const { prisma } = ctx();
    const weeks = await platformDropWeeks(prisma, { product: "Jiebei", days: ["2025-03-27"] });
    const history = {
      borrower: { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } },
      events: [
        { id: "p", type: "profile", date: "2025-01-01", monthlyIncome: 15000, identityVerified: true, bankCardLinked: true, phoneVerified: true },
        { id: "x", type: "activity", date: "2025-03-20" },
        { id: "a", type: "limit", date: "2025-03-01", limit: 20000 },
        { id: "b", type: "limit", date: "2025-03-27", limit: 5000 },
      ] as HistoryEvent[],
    };
    const without = explain(history).drops[0]!.reasons.map((r) => r.code);
    const withContext = explain(history, { context: { platformDropWeeks: weeks } }).drops[0]!.reasons.map((r) => r.code);
    expect(without).not.toContain("POLICY_TIGHTENING");
    expect(withContext).toContain("POLICY_TIGHTENING");
  });
});

describeDatabases("restoreCohorts", (ctx) => {
  const day = (base: string, days: number) => new Date(Date.parse(base) + days * 864e5).toISOString().slice(0, 10);
  /**
   * A borrower of `product` whose limit fell in week `week` of 2025 and came back `delay` days later
   * (null: not yet). One drop a week, so no week of the product looks like a platform-wide wave.
   */
  async function borrower(product: string, week: number, delay: number | null) {
    const { prisma } = ctx();
    const user = await prisma.user.create({ data: { email: `rc${++seq}-${Date.now()}@example.com`, passwordHash: "x", product } });
    const dropDay = day("2025-01-06", 7 * week);
    const events: HistoryEvent[] = [
      { id: "a", type: "limit", date: day(dropDay, -60), limit: 20000 },
      { id: "b", type: "limit", date: dropDay, limit: 5000 },
      ...(delay === null ? [] : [{ id: "c", type: "limit", date: day(dropDay, delay), limit: 20000 } as HistoryEvent]),
    ];
    await importHistory(prisma, { userId: user.id, document: { format: "credit-health-history", version: 1, borrower: { product }, events } });
    await cachedExplained(prisma, { userId: user.id }); // stores the explanation, as a visit to the dashboard does
    return user.id;
  }

  it("median and quartiles of restore delays by main reason, only with 20+ borrowers, and the outlook uses them", async () => {
    const { prisma } = ctx();
    const product = `Cohort-${Date.now()}`;
    for (let i = 0; i < 19; i++) await borrower(product, i, 30 + i);
    expect(await restoreCohorts(prisma, { product, kind: EXPLAINED_KIND })).toEqual([]);
    await borrower(product, 19, 49);
    const cohorts = await restoreCohorts(prisma, { product, kind: EXPLAINED_KIND });
    expect(cohorts).toEqual([{ product, reason: "UNEXPLAINED", borrowers: 20, medianDays: 40, q1Days: 35, q3Days: 44 }]);
    // A smaller k than 20 is never honoured.
    expect(await restoreCohorts(prisma, { product, kind: EXPLAINED_KIND, minBorrowers: 2 })).toEqual(cohorts);
    const waiting = await borrower(product, 30, null);
    const drop = (await cachedExplained(prisma, { userId: waiting })).explanation.drops[0]!;
    expect(drop.outlook).toMatchObject({ basis: ["cohort"], confidence: "medium", likelyFrom: day(drop.date, 35), likelyTo: day(drop.date, 44), cohort: { borrowers: 20 } });
  });
});
