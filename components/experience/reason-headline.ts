import type { Reason } from "@/lib/core";

/**
 * The figures a reason's short headline needs ("14 small borrowings in 90 days"). When the core
 * did not measure them (a context reason, a rule that fired another way) the reason's name is
 * used instead, so a headline never shows a hole.
 */
const NEEDS: Partial<Record<Reason["code"], string[]>> = {
  FREQUENT_SMALL_BORROWING: ["smallDraws90d"],
  CREDIT_INQUIRIES: ["inquiries180d"],
  OVERDUE: ["lateEvents"],
  HIGH_UTILIZATION: ["highUtilizationDays"],
  HIGH_DEBT_BURDEN: ["debtIncomeMonths"],
  MULTI_LENDER_EXPOSURE: ["openOtherLines"],
  EARLY_REPAYMENT_PATTERN: ["earlyPayoffs"],
  SCORE_DECLINE: ["scoreDecline"],
  POLICY_TIGHTENING: ["platformDropSharePct"],
};

export function headlineKey(reason: Reason): { key: string; values: Record<string, string | number> } | null {
  const needs = NEEDS[reason.code];
  if (!needs || !needs.every((k) => reason.evidence.figures[k] !== undefined)) return null;
  return { key: reason.code, values: reason.evidence.figures };
}
