/**
 * The timeline's shape (lib/core/timeline.ts builds it): sorted per-signal arrays of days, ids and
 * values, prefix sums and running state, each entry computed from events at or before it.
 */
import type { Borrower, EventOf } from "@/lib/history/schema";
import type { CoreEvent } from "./types";

/** Days and ids of one kind of event, in canonical order. */
export interface Series {
  days: number[];
  ids: string[];
}
export interface ValueSeries extends Series {
  values: number[];
}
/** The profile as known at a point in time: every profile event's fields, latest value wins. */
export type ProfileState = Partial<Omit<EventOf<"profile">, "type" | "date" | "id" | "source" | "note">>;
export interface Change extends Series {
  field: ("employer" | "employment")[];
  from: string[];
  to: string[];
}
/** Main-product balance and limit at the end of each day on which either changed. */
export interface BalanceSegments {
  days: number[];
  balance: number[];
  limit: (number | null)[];
  /** Utilisation at or above the threshold from this day until the next entry. */
  high: boolean[];
  /** Days of high utilisation before entry i (prefix sum over segments). */
  highBefore: number[];
}

export interface Timeline {
  events: CoreEvent[];
  borrower: Borrower;
  firstDay: number | null;
  limits: ValueSeries;
  scores: ValueSeries;
  inquiries: Series;
  /** Every event but limit/score observations (LOW_ACTIVITY). */
  borrowerEvents: Series;
  securityNotices: Series;
  policyNotices: Series;
  maintenanceNotices: Series;
  /** Every repayment, any lender (PROCESSING_DELAY). */
  anyRepayments: Series;
  /** Main-product repayments with prefix sums of amounts and squared amounts (CV in O(1)). */
  repayments: ValueSeries & { sum: Float64Array; sumSq: Float64Array };
  /**
   * Late repayments and overdue notices, with days past due. `instalment[i]` numbers the missed
   * instalment event i belongs to: an overdue notice and the late repayment of the same
   * instalment (same lender, loanId and dueDate; without a loanId, same dueDate and amount) share
   * one, so every count of missed instalments counts it once (spec: "Counting").
   */
  late: ValueSeries & { instalment: number[] };
  /** Per missed instalment: day of its last late repayment, -1 while only overdue notices show it unpaid. */
  instalmentSettled: number[];
  /** Balances of savings or funds on the platform (asset events). */
  assets: ValueSeries;
  /** Distinct days with ordinary use of the platform: activity, or a draw or repayment on the main product. */
  useDays: number[];
  mainBorrows: ValueSeries;
  smallDraws: Series;
  /** Day a loan was repaid in full within the early window; values = days from draw. */
  earlyPayoffs: ValueSeries & { borrowIds: string[] };
  /** Open lines at other lenders after each account event. */
  accounts: ValueSeries;
  openings: Series;
  profiles: Series & { states: ProfileState[] };
  incomeReports: ValueSeries;
  employmentChanges: Change;
  balance: BalanceSegments;
}
