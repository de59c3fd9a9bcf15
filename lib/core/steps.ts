/** Recovery steps (spec: "Recovery steps"): which reasons each answers, ordered by their rank. */
import { STEP_CODES, type BlockerCode, type ReasonCode, type Step, type StepCode } from "./types";

/** The spec's tables: step -> reasons (and growth blockers) it answers. */
export const STEP_ANSWERS: Record<StepCode, readonly (ReasonCode | BlockerCode)[]> = {
  UPDATE_INCOME: ["INCOME_DECREASE", "EMPLOYMENT_CHANGE", "INCOMPLETE_PROFILE"],
  COMPLETE_PROFILE: ["INCOMPLETE_PROFILE"],
  REDUCE_UTILIZATION: ["HIGH_UTILIZATION", "HIGH_DEBT_BURDEN"],
  CLEAR_OVERDUE_AND_AUTOPAY: ["OVERDUE"],
  PAUSE_CREDIT_APPLICATIONS: ["CREDIT_INQUIRIES"],
  CLOSE_UNUSED_CREDIT_LINES: ["MULTI_LENDER_EXPOSURE"],
  REPAY_ON_SCHEDULE: ["EARLY_REPAYMENT_PATTERN", "IRREGULAR_REPAYMENT"],
  PLAN_FEWER_LARGER_BORROWINGS: ["FREQUENT_SMALL_BORROWING"],
  USE_ACCOUNT_REGULARLY: ["LOW_ACTIVITY", "SPARSE_ACTIVITY"],
  SECURE_ACCOUNT: ["ACCOUNT_SECURITY"],
  CHECK_CREDIT_REPORT: ["SCORE_DECLINE", "UNEXPLAINED", "NO_CLEAR_BLOCKER"],
  WAIT_AND_RECHECK: ["PROCESSING_DELAY"],
  FILE_APPEAL: ["UNEXPLAINED", "POLICY_TIGHTENING"],
  DIVERSIFY_FUNDING: ["POLICY_TIGHTENING"],
  USE_LINE_MODESTLY: ["LINE_UNUSED"],
  BUILD_PLATFORM_ASSETS: ["LOW_PLATFORM_ASSETS"],
};

/** What a step is chosen for: a reason of a drop or a blocker of growth, ranked, with its evidence figures. */
interface Answerable<C extends string> {
  code: C;
  rank: number;
  evidence: { figures: Record<string, number | string> };
}

/** UPDATE_INCOME answers INCOMPLETE_PROFILE only when what is missing is the income. */
function answers(step: StepCode, reason: Answerable<string>): boolean {
  if (!(STEP_ANSWERS[step] as readonly string[]).includes(reason.code)) return false;
  return !(step === "UPDATE_INCOME" && reason.code === "INCOMPLETE_PROFILE" && reason.evidence.figures.incomeMissing !== 1);
}

/**
 * Steps for one drop: every step answering a listed reason, plus FILE_APPEAL on an on-time record
 * and DIVERSIFY_FUNDING on a cancellation. Ordered by the best rank they answer, then by the
 * spec's table order; basis-only steps last.
 */
export function recoverySteps<C extends string = ReasonCode>(reasons: readonly Answerable<C>[], facts: { onTimeRecord: boolean; cancellation: boolean }): Step<C>[] {
  const steps: { step: Step<C>; best: number; order: number }[] = [];
  STEP_CODES.forEach((code, order) => {
    const reasonCodes = reasons.filter((r) => answers(code, r)).map((r) => r.code);
    const basis: NonNullable<Step<C>["basis"]> = [];
    if (code === "FILE_APPEAL" && facts.onTimeRecord) basis.push("onTimeRecord");
    if (code === "DIVERSIFY_FUNDING" && facts.cancellation) basis.push("cancellation");
    if (!reasonCodes.length && !basis.length) return;
    const best = reasonCodes.length ? Math.min(...reasonCodes.map((c) => reasons.find((r) => r.code === c)!.rank)) : Infinity;
    steps.push({ step: basis.length ? { code, reasonCodes, basis } : { code, reasonCodes }, best, order });
  });
  return steps.sort((a, b) => a.best - b.best || a.order - b.order).map((s) => s.step);
}
