/** Repayment-behaviour reasons (seeds 000, 002, 003, 004). */
import { dayString, rangeIn, round } from "../days";
import { THRESHOLDS as T } from "../thresholds";
import { densest, idsIn, result, span, windowStart, type Rule } from "./rule";

/** Distinct missed instalments among late events [lo, hi): an overdue notice and its late repayment are one. */
export function missedInstalments(t: { late: { instalment: number[] } }, lo: number, hi: number): number {
  if (hi - lo <= 1) return hi - lo;
  return new Set(t.late.instalment.slice(lo, hi)).size;
}

/**
 * OVERDUE: any late repayment or overdue notice in the window. `lateEvents` counts missed
 * instalments, each once however many notices and repayments show it. Weight grows with days past
 * due (saturating at 30) and with recency (a late payment last week weighs more than one 5 months ago).
 */
export const overdue: Rule = ({ t, day }) => {
  const l = t.late;
  const [lo, hi] = rangeIn(l.days, windowStart(day), day);
  const missed = missedInstalments(t, lo, hi);
  const r = result("OVERDUE", [{ metric: "lateEvents", value: missed, threshold: 1, direction: "atLeast" }], idsIn(l.ids, lo, hi), {});
  if (!r.fired) return r;
  let maxDpd = 0;
  let weight = 0;
  for (let i = lo; i < hi; i++) {
    maxDpd = Math.max(maxDpd, l.values[i]!);
    const severity = Math.min(1, l.values[i]! / T.overdueSevereDays);
    const recency = 1 - (day - l.days[i]!) / T.windowDays;
    weight = Math.max(weight, 0.4 + 0.6 * severity * recency);
  }
  r.weight = round(Math.min(1, weight), 3);
  r.confidence = "high"; // a recorded late payment is a fact, not an inference
  r.evidence.figures = { lateEvents: missed, maxDaysPastDue: maxDpd, lastLateDate: dayString(l.days[hi - 1]!), ...span(l.days, lo, hi) };
  return r;
};

/** EARLY_REPAYMENT_PATTERN: 3+ loans repaid in full within 7 days of the draw, in the window. */
export const earlyRepaymentPattern: Rule = ({ t, day }) => {
  const e = t.earlyPayoffs;
  const [lo, hi] = rangeIn(e.days, windowStart(day), day);
  const ids: string[] = [];
  for (let i = lo; i < hi; i++) ids.push(e.borrowIds[i]!, e.ids[i]!);
  return result("EARLY_REPAYMENT_PATTERN", [{ metric: "earlyPayoffs", value: hi - lo, threshold: T.earlyRepaidLoans, direction: "atLeast" }], ids, {
    earlyPayoffs: hi - lo,
    ...span(e.days, lo, hi),
  });
};

/**
 * IRREGULAR_REPAYMENT: main-product repayment amounts with a coefficient of variation above 1
 * over 5+ repayments (prefix sums: O(1)), or 5+ repayments within 3 calendar days.
 */
export const irregularRepayment: Rule = ({ t, day }) => {
  const r = t.repayments;
  const [lo, hi] = rangeIn(r.days, windowStart(day), day);
  const n = hi - lo;
  let cv = 0;
  if (n >= T.irregularMinRepayments) {
    const mean = (r.sum[hi]! - r.sum[lo]!) / n;
    const variance = Math.max(0, (r.sumSq[hi]! - r.sumSq[lo]!) / n - mean * mean);
    cv = mean > 0 ? Math.sqrt(variance) / mean : 0;
  }
  const cluster = densest(r.days, lo, hi, T.clusterDays);
  const bunchedOnly = cluster.count >= T.clusteredRepayments && !(n >= T.irregularMinRepayments && cv > T.repaymentCv);
  return result(
    "IRREGULAR_REPAYMENT",
    [
      { metric: "repaymentCv", value: round(cv, 3), threshold: T.repaymentCv, direction: "above" },
      { metric: "repaymentsWithin3d", value: cluster.count, threshold: T.clusteredRepayments, direction: "atLeast" },
    ],
    bunchedOnly ? idsIn(r.ids, cluster.from, cluster.to) : idsIn(r.ids, lo, hi),
    // The dates frame what the text says was measured: the burst when only the burst fired, else
    // every repayment whose amounts vary (not the burst's dates for the 9 repayments measured).
    { pattern: bunchedOnly ? "bunched" : "uneven", repayments: n, repaymentCv: round(cv, 2), repaymentsWithin3d: cluster.count, ...(bunchedOnly ? span(r.days, cluster.from, cluster.to) : span(r.days, lo, hi)) },
  );
};
