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
  "USE_LINE_MODESTLY",
  "BUILD_PLATFORM_ASSETS",
] as const;
export type StepCode = (typeof STEP_CODES)[number];

/** What holds a flat limit back beyond the reason rules (spec: "When the limit does not rise"). */
export const GROWTH_ONLY_BLOCKERS = ["LINE_UNUSED", "SPARSE_ACTIVITY", "LOW_PLATFORM_ASSETS", "NO_CLEAR_BLOCKER"] as const;
export const BLOCKER_CODES = [...BORROWER_REASONS, "LINE_UNUSED", "SPARSE_ACTIVITY", "LOW_PLATFORM_ASSETS", "POLICY_TIGHTENING", "NO_CLEAR_BLOCKER"] as const;
export type BlockerCode = (typeof BLOCKER_CODES)[number];

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

export interface Step<C extends string = ReasonCode> {
  code: StepCode;
  /** Listed reasons (or growth blockers) this step answers, in rank order; empty only for a `basis`-only step. */
  reasonCodes: C[];
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
  /** A temporary drop: the day of the observation that restored it (within the 7-day look-ahead). */
  restoredOn?: string;
  reasons: Reason[];
  steps: Step[];
  /** How long until it comes back; absent on a temporary drop (it came back already). */
  outlook?: Outlook | null;
}

export type OutlookBasis = "signals" | "own-history" | "cohort";

/**
 * Spec: "How long until it comes back". Unlike the reasons, it reads every event up to the
 * latest one, so it follows what the borrower does after the drop.
 */
export interface Outlook {
  /** First day after the drop from which none of its borrower-side signals is active; null when one cannot clear by time alone or there is none. */
  signalsClearOn: string | null;
  /** The window in which a restore is most likely; null when there is no basis for one. */
  likelyFrom: string | null;
  likelyTo: string | null;
  basis: OutlookBasis[];
  confidence: Confidence;
  /** Borrower-side reasons that cannot clear by time alone (an unpaid instalment, a missing profile item…): the steps say what to do. */
  pending: ReasonCode[];
  /** Day of the first later observation at or above the previous limit, else null. */
  restoredOn: string | null;
  /** Median days from drop to restore of the borrower's own earlier drops with the same main reason, and how many. */
  ownHistory?: { drops: number; medianDays: number };
  /** The product's borrowers (k ≥ 20) whose drop with this main reason was restored: days from drop to restore. */
  cohort?: { borrowers: number; medianDays: number; q1Days: number; q3Days: number };
}

export interface Blocker {
  code: BlockerCode;
  rank: number;
  weight: number;
  confidence: Confidence;
  evidence: Evidence;
  /** The day this blocker stops being active if nothing new happens; null when it needs an action, not time. */
  clearsOn: string | null;
}

/** Spec: "When the limit does not rise". */
export interface Growth {
  /** First observation of the limit in force today (after a drop, the drop's date). */
  since: string;
  /** Days from `since` to the latest event. */
  days: number;
  limit: number;
  blockers: Blocker[];
  steps: Step<BlockerCode>[];
}

export interface Explanation {
  version: 1;
  drops: Drop[];
  /** Present when the limit has been flat (not above its level of 180 days before) for 180+ days. */
  growth: Growth | null;
}

/** Platform-wide signals known across users (optional input); schema in context.ts. */
export type { CoreContext, PlatformDropWeek, RestoreCohort } from "./context";

/** One event after normalisation: its calendar day as a number, and a guaranteed id. */
export interface CoreEvent {
  id: string;
  /** Days since 1970-01-01 of the event's calendar day (Asia/Shanghai for date-times). */
  day: number;
  type: EventType;
  event: HistoryEvent;
}
