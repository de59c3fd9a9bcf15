/** Every reason rule, in the spec's table order (the tie-break of equal weights). */
import type { ReasonCode } from "../types";
import { accountSecurity, lowActivity } from "./account";
import { policyTightening, processingDelay, scoreDecline } from "./context-reasons";
import { creditInquiries, frequentSmallBorrowing, multiLenderExposure } from "./credit-seeking";
import { highDebtBurden, highUtilization } from "./debt";
import { employmentChange, incomeDecrease, incompleteProfile } from "./income";
import { earlyRepaymentPattern, irregularRepayment, overdue } from "./repayment";
import type { Rule } from "./rule";

export const RULES: Record<Exclude<ReasonCode, "UNEXPLAINED">, Rule> = {
  INCOME_DECREASE: incomeDecrease,
  EMPLOYMENT_CHANGE: employmentChange,
  HIGH_UTILIZATION: highUtilization,
  HIGH_DEBT_BURDEN: highDebtBurden,
  MULTI_LENDER_EXPOSURE: multiLenderExposure,
  CREDIT_INQUIRIES: creditInquiries,
  OVERDUE: overdue,
  EARLY_REPAYMENT_PATTERN: earlyRepaymentPattern,
  IRREGULAR_REPAYMENT: irregularRepayment,
  FREQUENT_SMALL_BORROWING: frequentSmallBorrowing,
  LOW_ACTIVITY: lowActivity,
  INCOMPLETE_PROFILE: incompleteProfile,
  ACCOUNT_SECURITY: accountSecurity,
  SCORE_DECLINE: scoreDecline,
  POLICY_TIGHTENING: policyTightening,
  PROCESSING_DELAY: processingDelay,
};

export type { Measure, Rule, RuleInput, RuleResult } from "./rule";
