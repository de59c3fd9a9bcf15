/** The shapes the rule core returns (spec: explanations.md, "Output contract"). */
import type { EventType, HistoryEvent } from "@/lib/history/schema";

/** Reasons drawn from the borrower's own behaviour and profile, in the spec's table order. */
export const BORROWER_REASONS = [
  "INCOME_DECREASE",
  "EMPLOYMENT_CHANGE",
  "HIGH_UTILIZATION",
  "HIGH_DEBT_BURDEN",
  "MULTI_LENDER_EXPOSURE",
  "CREDIT_INQUIRIES",
  "OVERDUE",
  "EARLY_REPAYMENT_PATTERN",
  "IRREGULAR_REPAYMENT",
  "FREQUENT_SMALL_BORROWING",
  "LOW_ACTIVITY",
  "INCOMPLETE_PROFILE",
  "ACCOUNT_SECURITY",
] as const;
/** Context reasons: listed after the borrower-side ones, never instead of them. */
export const CONTEXT_REASONS = ["SCORE_DECLINE", "POLICY_TIGHTENING", "PROCESSING_DELAY"] as const;
export const REASON_CODES = [...BORROWER_REASONS, ...CONTEXT_REASONS, "UNEXPLAINED"] as const;
export type BorrowerReasonCode = (typeof BORROWER_REASONS)[number];
export type ContextReasonCode = (typeof CONTEXT_REASONS)[number];
export type ReasonCode = (typeof REASON_CODES)[number];

export const STEP_CODES = [
  "UPDATE_INCOME",
  "COMPLETE_PROFILE",
  "REDUCE_UTILIZATION",
  "CLEAR_OVERDUE_AND_AUTOPAY",
  "PAUSE_CREDIT_APPLICATIONS",
  "CLOSE_UNUSED_CREDIT_LINES",
  "REPAY_ON_SCHEDULE",
  "PLAN_FEWER_LARGER_BORROWINGS",
  "USE_ACCOUNT_REGULARLY",
  "SECURE_ACCOUNT",
  "CHECK_CREDIT_REPORT",
  "WAIT_AND_RECHECK",
  "FILE_APPEAL",
  "DIVERSIFY_FUNDING",
] as const;
export type StepCode = (typeof STEP_CODES)[number];

export type Confidence = "high" | "medium" | "low";
/** Measured numbers (counts, amounts, ratios) and the dates that frame them (YYYY-MM-DD). */
export type Figures = Record<string, number | string>;
export interface Evidence {
  eventIds: string[];
  figures: Figures;
}

export interface Reason {
  code: ReasonCode;
  rank: number;
  /** Share of the drop's explanation; the weights of one drop sum to 1 (±0.001 rounding). */
  weight: number;
  confidence: Confidence;
  evidence: Evidence;
}

export interface Step {
  code: StepCode;
  /** Listed reasons this step answers, in rank order; empty only for a `basis`-only step. */
  reasonCodes: ReasonCode[];
  /** Why a step is listed beyond its reasons: an on-time record (FILE_APPEAL), a cancellation (DIVERSIFY_FUNDING). */
  basis?: ("onTimeRecord" | "cancellation")[];
}

export interface Drop {
  date: string;
  previousLimit: number;
  newLimit: number;
  kind: "decrease" | "cancellation";
  /** Restored to at least `previousLimit` within 7 days (the one look-ahead of a drop). */
  temporary: boolean;
  /** Id of the lower limit observation. */
  eventId: string;
  reasons: Reason[];
  steps: Step[];
}

export interface Explanation {
  version: 1;
  drops: Drop[];
}

/** Platform-wide signals known across users (optional input); schema in context.ts. */
export type { CoreContext, PlatformDropWeek } from "./context";

/** One event after normalisation: its calendar day as a number, and a guaranteed id. */
export interface CoreEvent {
  id: string;
  /** Days since 1970-01-01 of the event's calendar day (Asia/Shanghai for date-times). */
  day: number;
  type: EventType;
  event: HistoryEvent;
}
