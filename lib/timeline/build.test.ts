import { describe, expect, it } from "vitest";
import { dayNumber } from "@/lib/core/days";
import type { Explanation } from "@/lib/core/types";
import type { HistoryDocument, HistoryEvent } from "@/lib/history/schema";
import { buildDropZoom, buildChartTimeline } from "./build";
import { naiveExplanation, tenYearHistory } from "./testing/ten-year";

const doc = (events: HistoryEvent[]): HistoryDocument => ({
  format: "credit-health-history",
  version: 1,
  borrower: { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } },
  events,
});

const small = doc([
  { id: "p1", type: "profile", date: "2024-01-01", monthlyIncome: 15000 },
  { id: "l1", type: "limit", date: "2024-01-01", limit: 30000 },
  { id: "s1", type: "score", date: "2024-01-01", score: 700 },
  { id: "b1", type: "borrow", date: "2024-06-10", amount: 500 },
  { id: "b2", type: "borrow", date: "2024-06-10", amount: 300 },
  { id: "i1", type: "inquiry", date: "2024-11-02", lender: "X Bank" },
  { id: "s2", type: "score", date: "2024-12-01", score: 650 },
  { id: "l2", type: "limit", date: "2025-03-30", limit: 0 },
  { id: "r1", type: "repayment", date: "2025-04-15", amount: 800 },
]);
const smallExplained: Explanation = {
  version: 1,
  growth: null,
  drops: [
    {
      date: "2025-03-30", previousLimit: 30000, newLimit: 0, kind: "cancellation", temporary: false, eventId: "l2",
      reasons: [
        { code: "SCORE_DECLINE", rank: 2, weight: 0.3, confidence: "medium", evidence: { eventIds: ["s2"], figures: {} } },
        { code: "FREQUENT_SMALL_BORROWING", rank: 1, weight: 0.7, confidence: "high", evidence: { eventIds: ["b1", "b2"], figures: { smallDraws90d: 2 } } },
      ],
      steps: [],
    },
  ],
};

describe("buildChartTimeline", () => {
  const t = buildChartTimeline(small, smallExplained);

  it("ends every range on the last day with data and starts 3m/1y that many days before", () => {
    const last = dayNumber("2025-04-15");
    expect(t.asOf).toBe(last);
    expect(t.ranges["3m"].from).toBe(last - 90);
    expect(t.ranges["1y"].from).toBe(last - 364);
    expect(t.ranges.all.from).toBe(dayNumber("2024-01-01"));
  });

  it("carries the limit in force into a range's first day and to its last (step-wise)", () => {
    const r = t.ranges["3m"];
    expect(r.limit[0]).toEqual([r.from, 30000]);
    expect(r.limit).toContainEqual([dayNumber("2025-03-30"), 0]);
    expect(r.limit[r.limit.length - 1]).toEqual([r.to, 0]);
  });

  it("marks each drop with its rank-1 reason", () => {
    expect(t.drops).toEqual([
      { d: dayNumber("2025-03-30"), date: "2025-03-30", previousLimit: 30000, newLimit: 0, kind: "cancellation", temporary: false, mainReason: "FREQUENT_SMALL_BORROWING" },
    ]);
  });

  it("buckets overlays per day on short ranges, summing amounts", () => {
    expect(t.ranges["1y"].bucketDays).toBe(Math.ceil(365 / 120));
    expect(t.ranges.all.overlays.borrow).toEqual([[expect.any(Number), 2, 800]]);
    expect(t.ranges["3m"].overlays.borrow).toEqual([]);
    expect(t.ranges["3m"].overlays.repayment).toEqual([[expect.any(Number), 1, 800]]);
  });

  it("gives empty series for an empty history", () => {
    const e = buildChartTimeline(doc([]), { version: 1, drops: [], growth: null });
    expect(e.asOf).toBeNull();
    expect(e.ranges.all.limit).toEqual([]);
  });
});

describe("buildChartTimeline on ten years (~30,000 events)", () => {
  const history = tenYearHistory();
  const explained = naiveExplanation(history);

  it("has the size the brief assumes", () => {
    expect(history.events.length).toBeGreaterThan(25_000);
    expect(explained.drops.length).toBeGreaterThan(10);
  });

  it("ships every range under 200 KB and fast", () => {
    const started = performance.now();
    const t = buildChartTimeline(history, explained);
    const ms = performance.now() - started;
    const bytes = Buffer.byteLength(JSON.stringify(t));
    expect(bytes).toBeLessThan(200_000);
    expect(ms).toBeLessThan(2000);
    for (const r of Object.values(t.ranges)) {
      expect(r.limit.length).toBeLessThanOrEqual(400 + explained.drops.length * 2);
      expect(r.score.length).toBeLessThanOrEqual(400);
    }
  });

  it("keeps every drop point and both range endpoints after downsampling", () => {
    const t = buildChartTimeline(history, explained, { maxPoints: 50 });
    for (const r of Object.values(t.ranges)) {
      expect(r.limit[0]![0]).toBe(r.from);
      expect(r.limit[r.limit.length - 1]![0]).toBe(r.to);
      expect(r.score[0]![0]).toBe(r.from);
      expect(r.score[r.score.length - 1]![0]).toBe(r.to);
      for (const drop of t.drops.filter((x) => x.d >= r.from && x.d <= r.to)) {
        expect(r.limit).toContainEqual([drop.d, drop.newLimit]);
        // The step just before the drop still shows the previous limit.
        const i = r.limit.findIndex(([x]) => x === drop.d);
        expect(r.limit[i - 1]![1]).toBe(drop.previousLimit);
      }
    }
  });
});

describe("buildDropZoom", () => {
  it("marks the evidence events with the reasons that cite them, one mark a day and type with its count", () => {
    const z = buildDropZoom(small, smallExplained, "2025-03-30", { before: 365 })!;
    expect(z.drop.mainReason).toBe("FREQUENT_SMALL_BORROWING");
    // b1 and b2 are two borrowings of one day: one mark standing for both (value and id: the first's).
    expect(z.evidence.map((e) => [e.id, e.value, e.reasons, e.n])).toEqual([
      ["b1", 500, ["FREQUENT_SMALL_BORROWING"], 2],
      ["s2", 650, ["SCORE_DECLINE"], 1],
    ]);
    expect(z.range.from).toBe(dayNumber("2025-03-30") - 365);
    expect(z.range.to).toBe(dayNumber("2025-04-15"));
  });

  it("a drop citing thousands of events ships at most one mark a day and type, every event counted", () => {
    const inquiries: HistoryEvent[] = Array.from({ length: 6_000 }, (_, i) => ({ id: `q${i}`, type: "inquiry", date: new Date(Date.UTC(2022, 0, 1) + (i % 1_200) * 86_400_000).toISOString().slice(0, 10), lender: `L${i}` }));
    const crafted = doc([{ id: "l0", type: "limit", date: "2021-12-01", limit: 50000 }, ...inquiries, { id: "l1", type: "limit", date: "2025-04-20", limit: 1000 }]);
    const explained: Explanation = {
      version: 1,
      growth: null,
      drops: [{ date: "2025-04-20", previousLimit: 50000, newLimit: 1000, kind: "decrease", temporary: false, eventId: "l1", steps: [], reasons: [{ code: "CREDIT_INQUIRIES", rank: 1, weight: 1, confidence: "high", evidence: { eventIds: inquiries.map((e) => e.id!), figures: {} } }] }],
    };
    const z = buildDropZoom(crafted, explained, "2025-04-20")!;
    const inWindow = z.evidence.filter((e) => e.d >= z.range.from && e.d <= z.range.to);
    expect(inWindow.length).toBeLessThanOrEqual(z.range.to - z.range.from + 1);
    expect(z.evidence.length - inWindow.length).toBe(1);
    expect(z.evidence.reduce((n, e) => n + e.n, 0)).toBe(6_000);
  });

  it("returns null for a date that is not a drop", () => {
    expect(buildDropZoom(small, smallExplained, "2025-03-31")).toBeNull();
  });
});
