import { describe, expect, test } from "vitest";
import { historyDocument, type HistoryEvent } from "@/lib/history/schema";
import { explain } from "./explain";
import { at, cleanRecord, doc, ev, quietAfter } from "./testing/build";
import { THRESHOLDS as T } from "./thresholds";
import { BORROWER_REASONS, CONTEXT_REASONS, type CoreContext, type ReasonCode } from "./types";

type Case = { name: string; events: () => HistoryEvent[]; context?: CoreContext };
const times = <X>(n: number, f: (i: number) => X): X[] => Array.from({ length: n }, (_, i) => f(i));
const plus = (...extra: HistoryEvent[]) => () => [...cleanRecord(), ...extra];

/** A clear signal (far past its threshold) for every reason: each must fire. */
const FIRES: [ReasonCode, Case][] = [
  ["INCOME_DECREASE", { name: "income 15,000 -> 8,000", events: plus(ev({ type: "profile", at: -20, monthlyIncome: 8000 })) }],
  ["INCOME_DECREASE", { name: "became unemployed", events: plus(ev({ type: "profile", at: -20, employment: "unemployed" })) }],
  ["EMPLOYMENT_CHANGE", { name: "new employer", events: plus(ev({ type: "profile", at: -40, employer: "Other Co" })) }],
  ["HIGH_UTILIZATION", { name: "27,000 of 30,000 for 60 days", events: plus(ev({ type: "borrow", at: -60, amount: 27000 })) }],
  ["HIGH_DEBT_BURDEN", { name: "balance 25,000 on income 3,000", events: plus(ev({ type: "profile", at: -300, monthlyIncome: 3000 }), ev({ type: "borrow", at: -5, amount: 25000 })) }],
  ["MULTI_LENDER_EXPOSURE", { name: "4 open lines elsewhere", events: plus(...times(4, (i) => ev({ type: "account", at: -150 + 10 * i, lender: `Bank ${i}`, action: "opened" }))) }],
  ["MULTI_LENDER_EXPOSURE", { name: "3 lines opened in 90 days", events: plus(...times(3, (i) => ev({ type: "account", at: -60 + 10 * i, lender: `Bank ${i}`, action: "opened" }))) }],
  ["CREDIT_INQUIRIES", { name: "6 applications in 20 days", events: plus(...times(6, (i) => ev({ type: "inquiry", at: -25 + 4 * i, lender: `L${i}` }))) }],
  ["CREDIT_INQUIRIES", { name: "9 applications spread over the window", events: plus(...times(9, (i) => ev({ type: "inquiry", at: -170 + 20 * i, lender: `L${i}` }))) }],
  ["OVERDUE", { name: "15 days past due last week", events: plus(ev({ type: "overdue", at: -7, amount: 3000, dueDate: at(-22), daysPastDue: 15 })) }],
  ["OVERDUE", { name: "late repayment", events: plus(ev({ type: "repayment", at: -30, amount: 500, dueDate: at(-50) })) }],
  ["EARLY_REPAYMENT_PATTERN", { name: "5 loans repaid in 2 days", events: plus(...times(5, (i) => [ev({ type: "borrow", at: -150 + 25 * i, amount: 5000, loanId: `E${i}` }), ev({ type: "repayment", at: -148 + 25 * i, amount: 5000, loanId: `E${i}` })]).flat()) }],
  ["IRREGULAR_REPAYMENT", { name: "8 repayments within 2 days", events: plus(...times(8, (i) => ev({ type: "repayment", at: -12 + (i % 3), amount: 100 }))) }],
  ["IRREGULAR_REPAYMENT", { name: "one repayment 15x the others", events: plus(ev({ type: "repayment", at: -20, amount: 90000 })) }],
  ["FREQUENT_SMALL_BORROWING", { name: "12 draws of 1,000 in 80 days", events: plus(...times(12, (i) => ev({ type: "borrow", at: -80 + 6 * i, amount: 1000 }))) }],
  ["LOW_ACTIVITY", { name: "nothing for 200 days", events: () => quietAfter(cleanRecord(), -200) }],
  ["INCOMPLETE_PROFILE", { name: "bank card unlinked", events: plus(ev({ type: "profile", at: -30, bankCardLinked: false })) }],
  ["ACCOUNT_SECURITY", { name: "security notice 10 days before", events: plus(ev({ type: "notice", at: -10, scope: "personal", kind: "security", text: "restricted" })) }],
  ["SCORE_DECLINE", { name: "700 -> 620", events: plus(ev({ type: "score", at: -5, score: 620 })) }],
  ["POLICY_TIGHTENING", { name: "policy notice 10 days before", events: plus(ev({ type: "notice", at: -10, scope: "platform", kind: "policy", text: "tightening" })) }],
  ["POLICY_TIGHTENING", { name: "policy notice 3 days after", events: plus(ev({ type: "notice", at: 3, scope: "platform", kind: "policy", text: "tightening" })) }],
  [
    "POLICY_TIGHTENING",
    { name: "40% of the product's borrowers dropped that week", events: plus(), context: { platformDropWeeks: [{ product: "Jiebei", weekStart: at(-2), borrowersWithDrops: 400, borrowers: 1000 }] } },
  ],
  ["PROCESSING_DELAY", { name: "restored 3 days after, repayment the day before", events: plus(ev({ type: "repayment", at: -1, amount: 100 }), ev({ type: "limit", at: 3, limit: 30000 })) }],
  ["PROCESSING_DELAY", { name: "after a maintenance notice", events: plus(ev({ type: "notice", at: -2, scope: "platform", kind: "maintenance", text: "upgrade" }), ev({ type: "limit", at: 5, limit: 30000 })) }],
];

/** Just short of each threshold: must not fire (the thresholds are where the table says). */
const QUIET: [ReasonCode, Case][] = [
  ["INCOME_DECREASE", { name: "income 15,000 -> 12,500 (83%)", events: plus(ev({ type: "profile", at: -20, monthlyIncome: 12500 })) }],
  ["CREDIT_INQUIRIES", { name: "2 in 30 days, 5 in the window", events: plus(...times(5, (i) => ev({ type: "inquiry", at: -170 + 35 * i, lender: `L${i}` }))) }],
  ["MULTI_LENDER_EXPOSURE", { name: "2 open, opened long ago", events: plus(...times(2, (i) => ev({ type: "account", at: -150 + 10 * i, lender: `Bank ${i}`, action: "opened" }))) }],
  ["EARLY_REPAYMENT_PATTERN", { name: "2 quick payoffs", events: plus(...times(2, (i) => [ev({ type: "borrow", at: -100 + 25 * i, amount: 5000, loanId: `Q${i}` }), ev({ type: "repayment", at: -98 + 25 * i, amount: 5000, loanId: `Q${i}` })]).flat()) }],
  ["FREQUENT_SMALL_BORROWING", { name: "7 small draws", events: plus(...times(7, (i) => ev({ type: "borrow", at: -80 + 6 * i, amount: 1000 }))) }],
  ["HIGH_UTILIZATION", { name: "90% for 20 days", events: plus(ev({ type: "borrow", at: -20, amount: 27000 })) }],
  ["SCORE_DECLINE", { name: "700 -> 690", events: plus(ev({ type: "score", at: -5, score: 690 })) }],
  ["LOW_ACTIVITY", { name: "quiet for 100 days", events: () => quietAfter(cleanRecord(), -100) }],
  ["ACCOUNT_SECURITY", { name: "security notice 40 days before", events: plus(ev({ type: "notice", at: -40, scope: "personal", kind: "security", text: "restricted" })) }],
  ["POLICY_TIGHTENING", { name: "policy notice 10 days after", events: plus(ev({ type: "notice", at: 10, scope: "platform", kind: "policy", text: "tightening" })) }],
  [
    "POLICY_TIGHTENING",
    { name: "5% of borrowers dropped", events: plus(), context: { platformDropWeeks: [{ product: "Jiebei", weekStart: at(-2), borrowersWithDrops: 50, borrowers: 1000 }] } },
  ],
  [
    "PROCESSING_DELAY",
    {
      name: "restored, but the last repayment was 5+ days before",
      events: () => [...cleanRecord().filter((e) => !(e.type === "repayment" && e.date > at(-5))), ev({ type: "limit", at: 3, limit: 30000 })],
    },
  ],
  ["PROCESSING_DELAY", { name: "trigger but not restored", events: plus(ev({ type: "repayment", at: -1, amount: 100 })) }],
];

function codesOf(c: Case): ReasonCode[] {
  const events = c.events();
  expect(historyDocument.safeParse(doc(events)).success).toBe(true);
  const out = explain(doc(events), { context: c.context });
  const drop = out.drops.find((d) => d.date === at(0));
  expect(drop).toBeDefined();
  return drop!.reasons.map((r) => r.code);
}

describe("reason rules", () => {
  test("a clean record gives no reason but UNEXPLAINED", () => {
    expect(codesOf({ name: "clean", events: () => cleanRecord() })).toEqual(["UNEXPLAINED"]);
  });

  test.each(FIRES)("%s fires on a clear signal: %o", (code, c) => {
    expect(codesOf(c)).toContain(code);
  });

  test.each(QUIET)("%s stays quiet below its threshold: %o", (code, c) => {
    expect(codesOf(c)).not.toContain(code);
  });

  test.each(FIRES.filter(([code]) => (CONTEXT_REASONS as readonly string[]).includes(code)))("context reason %s invents no borrower reason on a clean record", (_code, c) => {
    expect(codesOf(c).filter((x) => (BORROWER_REASONS as readonly string[]).includes(x))).toEqual([]);
  });

  test("every reason code of the spec has a firing case", () => {
    expect(new Set(FIRES.map(([code]) => code))).toEqual(new Set([...BORROWER_REASONS, ...CONTEXT_REASONS]));
  });

  test("the score threshold scales with the score scale (FICO 300–850)", () => {
    const fico = (score: number) => [...cleanRecord(), ev({ type: "score", at: -5, score })];
    const drop = (events: HistoryEvent[]) => explain(doc(events, { scoreScale: { min: 300, max: 850 } })).drops[0]!;
    const threshold = (T.scoreDropPoints * 550) / T.referenceScaleWidth; // 18.3 points
    expect(drop(fico(700 - Math.ceil(threshold))).reasons.map((r) => r.code)).toContain("SCORE_DECLINE");
    expect(drop(fico(700 - Math.floor(threshold))).reasons.map((r) => r.code)).not.toContain("SCORE_DECLINE");
  });

  test("evidence names the events and prints measured figures with dates", () => {
    const events = [...cleanRecord(), ...times(6, (i) => ev({ type: "inquiry", at: -25 + 4 * i, lender: `L${i}`, id: `q${i}` }))];
    const reason = explain(doc(events)).drops[0]!.reasons.find((r) => r.code === "CREDIT_INQUIRIES")!;
    expect(reason.evidence.eventIds).toEqual(times(6, (i) => `q${i}`));
    expect(reason.evidence.figures).toMatchObject({ inquiries30d: 6, inquiries180d: 6, firstDate: at(-25), lastDate: at(-5) });
    expect(reason.confidence).toBe("high");
  });
});
