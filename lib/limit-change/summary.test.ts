import { describe, expect, it } from "vitest";
import type { HistoryEvent } from "@/lib/history/schema";
import { learnedFromHistory, LEARNED_MONTHS, limitNow, missingData } from "./summary";

const limit = (date: string, v: number): HistoryEvent => ({ type: "limit", date, limit: v });

describe("limitNow", () => {
  it("is null without limits", () => {
    expect(limitNow([{ type: "borrow", date: "2026-01-01", amount: 5 }])).toBeNull();
  });
  it("gives the latest limit and the latest change, skipping repeats of the same value", () => {
    const events = [limit("2026-01-01", 30000), limit("2026-03-17", 0), limit("2026-03-20", 0), { type: "score", date: "2026-03-18T10:00:00+08:00", score: 640 } as HistoryEvent];
    expect(limitNow(events)).toEqual({ limit: 0, day: "2026-03-20", change: { day: "2026-03-17", from: 30000, to: 0 }, score: { value: 640, day: "2026-03-18" } });
  });
  it("has no change when every observation is the same, and reports a rise as a change", () => {
    expect(limitNow([limit("2026-01-01", 5), limit("2026-02-01", 5)])?.change).toBeNull();
    expect(limitNow([limit("2026-01-01", 5), limit("2026-02-01", 8)])?.change).toEqual({ day: "2026-02-01", from: 5, to: 8 });
  });
});

describe("learnedFromHistory", () => {
  it("counts an imported bill: borrowings and repayments with sums, activity days, the range, and per month", () => {
    const events: HistoryEvent[] = [
      { type: "borrow", date: "2025-01-05T09:12:01+08:00", amount: 5000 },
      { type: "activity", date: "2025-01-06", count: 1 },
      { type: "activity", date: "2025-01-06", kind: "payment", count: 2 },
      { type: "repayment", date: "2025-02-05", amount: 5000 },
      { type: "borrow", date: "2025-02-14", amount: 6000.1 },
      { type: "repayment", date: "2025-03-01", amount: 200.2 },
      { type: "activity", date: "2025-03-02", count: 1 },
    ];
    const learned = learnedFromHistory(events);
    expect(learned).toMatchObject({
      borrow: { count: 2, amount: 11000.1 },
      repayment: { count: 2, amount: 5200.2 },
      activityDays: 2,
      inquiries: 0,
      hasProfile: false,
      firstDay: "2025-01-05",
      lastDay: "2025-03-02",
    });
    expect(learned.months).toEqual([
      { month: "2025-01", borrow: 1, repayment: 0, activity: 1 },
      { month: "2025-02", borrow: 1, repayment: 1, activity: 0 },
      { month: "2025-03", borrow: 0, repayment: 1, activity: 1 },
    ]);
    expect(missingData(learned)).toEqual(["profile", "applications"]);
  });
  it("keeps only the latest months", () => {
    const events: HistoryEvent[] = Array.from({ length: 40 }, (_, i) => ({ type: "borrow", date: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`, amount: 1 }));
    const { months } = learnedFromHistory(events);
    expect(months).toHaveLength(LEARNED_MONTHS);
    expect(months.at(-1)!.month).toBe("2023-04");
  });
  it("asks for everything on an account that only holds its limits", () => {
    expect(missingData(learnedFromHistory([limit("2026-03-16", 30000), limit("2026-03-17", 0)]))).toEqual(["profile", "bill", "applications"]);
    expect(missingData(learnedFromHistory([{ type: "profile", date: "2026-01-01", monthlyIncome: 1 }, { type: "inquiry", date: "2026-01-01", lender: "x" }, { type: "repayment", date: "2026-01-01", amount: 1 }]))).toEqual([]);
  });
});
