/** Turns fired rules into the ranked reason list of one drop (spec: at most four borrower-side first). */
import { round } from "./days";
import type { RuleResult } from "./rules/rule";
import { THRESHOLDS as T } from "./thresholds";
import { CONTEXT_REASONS, REASON_CODES, type Reason, type ReasonCode } from "./types";

const ORDER = new Map<ReasonCode, number>(REASON_CODES.map((c, i) => [c, i]));
const isContext = (code: ReasonCode): boolean => (CONTEXT_REASONS as readonly string[]).includes(code);
const byWeight = (a: RuleResult, b: RuleResult): number => b.weight - a.weight || ORDER.get(a.code)! - ORDER.get(b.code)!;

/**
 * Ranks fired rules: up to four borrower-side reasons by severity, then context reasons; UNEXPLAINED
 * alone when nothing fired. Weights are shares that sum to 1. A context reason never outweighs the
 * weakest borrower reason it follows, so rank and weight agree.
 */
export function rankReasons(results: readonly RuleResult[], dropEventId: string): Reason[] {
  const fired = results.filter((r) => r.fired);
  const borrower = fired.filter((r) => !isContext(r.code)).sort(byWeight).slice(0, T.maxBorrowerReasons);
  const context = fired.filter((r) => isContext(r.code)).sort(byWeight);
  if (!borrower.length && !context.length) {
    return [{ code: "UNEXPLAINED", rank: 1, weight: 1, confidence: "low", evidence: { eventIds: [dropEventId], figures: {} } }];
  }
  const floor = borrower.length ? borrower[borrower.length - 1]!.weight : Infinity;
  const raw = [
    ...borrower.map((r) => ({ r, w: Math.max(r.weight, 0.01) })),
    ...context.map((r) => ({ r, w: Math.max(0.01, Math.min(floor, r.weight * (borrower.length ? T.contextFactor : 1))) })),
  ];
  const total = raw.reduce((s, x) => s + x.w, 0);
  const reasons: Reason[] = raw.map(({ r, w }, i) => ({
    code: r.code,
    rank: i + 1,
    weight: round(w / total, 3),
    confidence: r.confidence,
    evidence: r.evidence,
  }));
  // Rounding residue goes to the top reason so the shares print as summing to exactly 1.
  const residue = round(1 - reasons.reduce((s, r) => s + r.weight, 0), 3);
  reasons[0]!.weight = round(reasons[0]!.weight + residue, 3);
  return reasons;
}
