/** Turns fired rules into the ranked reason list of one drop (spec: at most four borrower-side first). */
import { round } from "./days";
import type { RuleResult } from "./rules/rule";
import { THRESHOLDS as T } from "./thresholds";
import { CONTEXT_REASONS, REASON_CODES, type Confidence, type Evidence, type Reason, type ReasonCode } from "./types";

const ORDER = new Map<ReasonCode, number>(REASON_CODES.map((c, i) => [c, i]));
const isContext = (code: ReasonCode): boolean => (CONTEXT_REASONS as readonly string[]).includes(code);
const byWeight = (a: RuleResult, b: RuleResult): number => b.weight - a.weight || ORDER.get(a.code)! - ORDER.get(b.code)!;

/** What a ranked list is made of: a code with its severity (0..1), confidence and evidence. */
export interface Scored<C extends string> {
  code: C;
  weight: number;
  confidence: Confidence;
  evidence: Evidence;
}

/**
 * Ranks already sorted lists: the leading items (borrower-side) first, then the context ones.
 * Weights become shares that sum to 1; a context item never outweighs the weakest leading item
 * it follows, so rank and weight agree. Shared by drop reasons and growth blockers.
 */
export function rankScored<C extends string>(leading: readonly Scored<C>[], context: readonly Scored<C>[]): (Scored<C> & { rank: number })[] {
  const floor = leading.length ? leading[leading.length - 1]!.weight : Infinity;
  const raw = [
    ...leading.map((r) => ({ r, w: Math.max(r.weight, 0.01) })),
    ...context.map((r) => ({ r, w: Math.max(0.01, Math.min(floor, r.weight * (leading.length ? T.contextFactor : 1))) })),
  ];
  const total = raw.reduce((s, x) => s + x.w, 0);
  const out = raw.map(({ r, w }, i) => ({ code: r.code, rank: i + 1, weight: round(w / total, 3), confidence: r.confidence, evidence: r.evidence }));
  // Rounding residue goes to the top item so the shares print as summing to exactly 1.
  const residue = round(1 - out.reduce((s, r) => s + r.weight, 0), 3);
  if (out.length) out[0]!.weight = round(out[0]!.weight + residue, 3);
  return out;
}

/**
 * Ranks fired rules: up to four borrower-side reasons by severity, then context reasons; UNEXPLAINED
 * alone when nothing fired. When SCORE_DECLINE is the only reason, UNEXPLAINED leads and the score
 * follows as context: a score is never the whole explanation (spec: "Reasons").
 */
export function rankReasons(results: readonly RuleResult[], dropEventId: string): Reason[] {
  const fired = results.filter((r) => r.fired);
  const borrower = fired.filter((r) => !isContext(r.code)).sort(byWeight).slice(0, T.maxBorrowerReasons);
  const context = fired.filter((r) => isContext(r.code)).sort(byWeight);
  const unexplained: Scored<ReasonCode> = { code: "UNEXPLAINED", weight: 1, confidence: "low", evidence: { eventIds: [dropEventId], figures: {} } };
  if (!borrower.length && !context.length) return [{ ...unexplained, rank: 1 }];
  if (!borrower.length && context.length === 1 && context[0]!.code === "SCORE_DECLINE") {
    return rankScored([{ ...unexplained, weight: Math.max(0.4, context[0]!.weight) }], context);
  }
  return rankScored(borrower, context);
}
