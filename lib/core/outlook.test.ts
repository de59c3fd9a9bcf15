import { describe, expect, test } from "vitest";
import { historyDocument, type HistoryEvent } from "@/lib/history/schema";
import { assess } from "./assess";
import { explain } from "./explain";
import { at, cleanRecord, doc, ev } from "./testing/build";
import { THRESHOLDS as T } from "./thresholds";
import type { CoreContext } from "./types";

const plus = (...extra: HistoryEvent[]) => [...cleanRecord(), ...extra];
const inquiries = (offsets: number[]) => offsets.map((o, i) => ev({ type: "inquiry", at: o, lender: `B${i}` }));
const overdueNotice = (offset = -7, extra: Partial<HistoryEvent> = {}) => ev({ type: "overdue", at: offset, amount: 3000, dueDate: at(offset - 15), daysPastDue: 15, ...extra } as never);
const settle = (offset: number, dueOffset = -22, extra: Partial<HistoryEvent> = {}) => ev({ type: "repayment", at: offset, amount: 3000, dueDate: at(dueOffset), ...extra } as never);

function drop(events: HistoryEvent[], context?: CoreContext) {
  expect(historyDocument.safeParse(doc(events)).success).toBe(true);
  return explain(doc(events), { context }).drops.find((d) => d.date === at(0))!;
}

/** Clearing dates: each row is a drop at day 0 and the day its signals clear (null: not by time). */
const CLEARS: [string, () => HistoryEvent[], string | null][] = [
  ["3 applications in 10 days: the burst leaves the 30-day count", () => plus(...inquiries([-20, -15, -10])), at(-20 + T.windowDays)],
  ["6 applications 30 days apart: the first leaves the 180-day count", () => plus(...inquiries([-170, -140, -110, -80, -50, -20])), at(-170 + T.windowDays)],
  ["an overdue settled 10 days after the drop: 90 days later", () => plus(overdueNotice(), settle(10)), at(10 + T.overdueClearDays)],
  ["a late repayment 30 days before: 90 days after it", () => plus(settle(-30, -50)), at(-30 + T.overdueClearDays)],
  ["an overdue still unpaid", () => plus(overdueNotice()), null],
  ["a bank card unlinked", () => plus(ev({ type: "profile", at: -30, bankCardLinked: false })), null],
  ["a balance still at 90% of the limit", () => plus(ev({ type: "borrow", at: -60, amount: 27000 })), null],
  ["a security notice 10 days before: 30 days after it", () => plus(ev({ type: "notice", at: -10, scope: "personal", kind: "security", text: "x" })), at(-10 + T.securityNoticeDays + 1)],
];

describe("outlook: when the signals clear", () => {
  test.each(CLEARS)("%s", (_name, events, clearsOn) => {
    const o = drop(events()).outlook!;
    expect(o.signalsClearOn).toBe(clearsOn);
    if (clearsOn) {
      expect(o).toMatchObject({ likelyFrom: clearsOn, basis: ["signals"], confidence: "low", pending: [] });
      expect(o.likelyTo! > o.likelyFrom!).toBe(true);
    } else {
      expect(o.pending.length).toBeGreaterThan(0);
      expect(o.likelyFrom).toBeNull();
    }
  });

  test("the outlook follows later events: settling the overdue moves signalsClearOn from null to 90 days after", () => {
    const base = plus(overdueNotice());
    const before = drop(base);
    const after = drop([...base, settle(40)]);
    expect(before.outlook!.signalsClearOn).toBeNull();
    expect(after.outlook!.signalsClearOn).toBe(at(40 + T.overdueClearDays));
    expect(after.reasons).toEqual(before.reasons);
  });

  test("a new missed instalment after the drop keeps it from clearing", () => {
    expect(drop(plus(settle(-30, -50), overdueNotice(20))).outlook!.signalsClearOn).toBeNull();
  });

  test("a temporary drop has no outlook; a restore later than 7 days is recorded", () => {
    expect(drop(plus(ev({ type: "limit", at: 3, limit: 30000 }))).outlook).toBeUndefined();
    expect(drop(plus(...inquiries([-20, -15, -10]), ev({ type: "limit", at: 50, limit: 30000 }))).outlook!.restoredOn).toBe(at(50));
  });

  test("UNEXPLAINED alone: no basis, so null", () => {
    expect(drop(cleanRecord()).outlook).toBeNull();
  });
});

describe("outlook: own history and cohort", () => {
  // An earlier UNEXPLAINED drop 200 days before, restored after 40 days.
  const earlier = () => [ev({ type: "limit", at: -200, limit: 25000 }), ev({ type: "limit", at: -160, limit: 30000 })];

  test("own history: the median delay of earlier restored drops with the same main reason", () => {
    const o = drop([...cleanRecord(), ...earlier()]).outlook!;
    expect(o).toMatchObject({ signalsClearOn: null, likelyFrom: at(40), likelyTo: at(70), basis: ["own-history"], confidence: "medium", ownHistory: { drops: 1, medianDays: 40 } });
  });

  const cohort = (borrowers: number): CoreContext => ({ restoreCohorts: [{ product: "Jiebei", reason: "CREDIT_INQUIRIES", borrowers, medianDays: 200, q1Days: 170, q3Days: 260 }] });

  test("a cohort of 20+ borrowers: its quartiles, never before the signals clear", () => {
    const o = drop(plus(...inquiries([-20, -15, -10])), cohort(25)).outlook!;
    expect(o).toMatchObject({ signalsClearOn: at(160), likelyFrom: at(170), likelyTo: at(260), basis: ["signals", "cohort"], confidence: "medium", cohort: { borrowers: 25 } });
    const early = drop(plus(...inquiries([-20, -15, -10])), { restoreCohorts: [{ ...cohort(25).restoreCohorts![0]!, q1Days: 20, medianDays: 30, q3Days: 40 }] }).outlook!;
    expect(early.likelyFrom).toBe(at(160));
  });

  test("fewer than 20 borrowers: never used", () => {
    expect(drop(plus(...inquiries([-20, -15, -10])), cohort(19)).outlook!.basis).toEqual(["signals"]);
  });

  test("own history and cohort together: high confidence", () => {
    const events = [...cleanRecord(), ...earlier()];
    const o = drop(events, { restoreCohorts: [{ product: "Jiebei", reason: "UNEXPLAINED", borrowers: 30, medianDays: 50, q1Days: 30, q3Days: 80 }] }).outlook!;
    expect(o).toMatchObject({ basis: ["own-history", "cohort"], confidence: "high", likelyFrom: at(30), likelyTo: at(80) });
  });
});

describe("the spec's clarified edges", () => {
  test("a same-day restore is temporary: events of one day ordered by their time", () => {
    const events = [
      ev({ type: "limit", at: -10, limit: 10000 }),
      { id: "z-low", type: "limit", date: `${at(0)}T09:00:00+08:00`, limit: 5000 },
      { id: "a-back", type: "limit", date: `${at(0)}T18:00:00+08:00`, limit: 10000 },
    ] as HistoryEvent[];
    const drops = explain(doc(events)).drops;
    expect(drops).toHaveLength(1);
    expect(drops[0]).toMatchObject({ date: at(0), temporary: true, restoredOn: at(0), eventId: "z-low" });
  });

  test.each([
    [5, true],
    [7, true],
    [8, false],
  ])("a security notice %i days after the drop counts: %s", (after, counts) => {
    const codes = drop(plus(ev({ type: "notice", at: after, scope: "personal", kind: "security", text: "x" }))).reasons.map((r) => r.code);
    expect(codes.includes("ACCOUNT_SECURITY")).toBe(counts);
  });

  test("SCORE_DECLINE alone: UNEXPLAINED first, the score as context, the credit report checked", () => {
    const d = drop(plus(ev({ type: "score", at: -3, score: 620 })));
    expect(d.reasons.map((r) => r.code)).toEqual(["UNEXPLAINED", "SCORE_DECLINE"]);
    expect(d.reasons[0]!.weight).toBeGreaterThan(d.reasons[1]!.weight);
    expect(d.steps.find((s) => s.code === "CHECK_CREDIT_REPORT")!.reasonCodes).toEqual(["UNEXPLAINED", "SCORE_DECLINE"]);
  });

  test.each([
    ["no loanId: same dueDate and amount", overdueNotice(-7), settle(-3), 1],
    ["same loanId and dueDate", overdueNotice(-7, { loanId: "X1" }), settle(-3, -22, { loanId: "X1" }), 1],
    ["another loanId", overdueNotice(-7, { loanId: "X1" }), settle(-3, -22, { loanId: "X2" }), 2],
    ["another amount", overdueNotice(-7), settle(-3, -22, { amount: 2999 }), 2],
    ["another lender", overdueNotice(-7), settle(-3, -22, { lender: "Bank B" }), 2],
  ])("an overdue and its late repayment are one missed instalment (%s), in the drop and the early warning alike", (_name, a, b, count) => {
    const events = plus(a, b);
    const reason = drop(events).reasons.find((r) => r.code === "OVERDUE")!;
    expect(reason.evidence.figures.lateEvents).toBe(count);
    expect(reason.evidence.eventIds).toHaveLength(2);
    const warning = assess(doc(events), at(0)).active.find((s) => s.metric === "lateEvents")!;
    expect(warning.value).toBe(count);
  });

  test("the value in force when the window opens counts: 20,000 a year ago, 8,000 last month", () => {
    const events = [...cleanRecord().filter((e) => e.type !== "profile"), ev({ type: "profile", at: -365, monthlyIncome: 20000, identityVerified: true, bankCardLinked: true, phoneVerified: true }), ev({ type: "profile", at: -30, monthlyIncome: 8000 })];
    const r = drop(events).reasons.find((x) => x.code === "INCOME_DECREASE")!;
    expect(r.evidence.figures).toMatchObject({ earlierIncome: 20000, earlierDate: at(-365), latestIncome: 8000, incomeRatioPct: 40 });
  });

  test("of equal earlier values the in-window one is cited", () => {
    const events = [...cleanRecord(), ev({ type: "profile", at: -100, monthlyIncome: 15000 }), ev({ type: "profile", at: -20, monthlyIncome: 6000 })];
    expect(drop(events).reasons.find((x) => x.code === "INCOME_DECREASE")!.evidence.figures.earlierDate).toBe(at(-100));
  });
});
