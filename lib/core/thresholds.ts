/**
 * Every number the rule core decides with, in one table (spec: explanations.md, "Reasons").
 * Rules read these constants only; tuning a threshold is a one-line change here, and the
 * tests derive their "clear signal" and "clean record" cases from the same values.
 */
export const THRESHOLDS = {
  /** Look back this many days before a drop unless a rule says otherwise. */
  windowDays: 180,
  /** A drop restored to at least the previous limit within this many days is temporary. */
  temporaryWithinDays: 7,

  /** INCOME_DECREASE: latest income below this share of an earlier one in the window. */
  incomeDropRatio: 0.8,
  /** INCOME_DECREASE: employment statuses that count as a fall in income stability. */
  unstableEmployment: ["unemployed", "irregular"] as readonly string[],

  /** HIGH_UTILIZATION: balance / limit at or above this share ... */
  highUtilization: 0.8,
  /** ... on at least this many days (counted, not necessarily consecutive) in the window. */
  highUtilizationDays: 30,

  /** HIGH_DEBT_BURDEN: main-product balance above this many months of reported income. */
  debtIncomeMonths: 6,

  /** MULTI_LENDER_EXPOSURE: open lines at other lenders at the drop ... */
  openOtherLines: 3,
  /** ... or this many opened within `recentOpenedDays`. */
  recentOpenedLines: 2,
  recentOpenedDays: 90,

  /** CREDIT_INQUIRIES: this many within any `inquiryBurstDays` days, or `inquiriesInWindow` in the window. */
  inquiryBurst: 3,
  inquiryBurstDays: 30,
  inquiriesInWindow: 6,

  /** OVERDUE: days past due at which the severity saturates. */
  overdueSevereDays: 30,

  /** EARLY_REPAYMENT_PATTERN: loans repaid in full within `earlyRepaidWithinDays` of the draw. */
  earlyRepaidLoans: 3,
  earlyRepaidWithinDays: 7,

  /** IRREGULAR_REPAYMENT: coefficient of variation above this over at least `irregularMinRepayments`. */
  repaymentCv: 1,
  irregularMinRepayments: 5,
  /** IRREGULAR_REPAYMENT: or this many repayments within `clusterDays` calendar days. */
  clusteredRepayments: 5,
  clusterDays: 3,

  /** FREQUENT_SMALL_BORROWING: this many draws of at most `smallDrawShare` of the limit in `smallDrawDays`. */
  smallDraws: 8,
  smallDrawShare: 0.1,
  smallDrawDays: 90,

  /** LOW_ACTIVITY: no borrower event (anything but limit/score) in this many days. */
  inactiveDays: 120,

  /** ACCOUNT_SECURITY: personal security notice within this many days before the drop ... */
  securityNoticeDays: 30,
  /** ... or this many after it (the notice often arrives after the cut). */
  securityAfterDays: 7,

  /** SCORE_DECLINE: fall of this many points on the 350–950 scale (600 wide), scaled to others. */
  scoreDropPoints: 20,
  referenceScaleWidth: 600,

  /** POLICY_TIGHTENING: platform policy notice from this many days before to `policyAfterDays` after. */
  policyBeforeDays: 30,
  policyAfterDays: 7,
  /**
   * POLICY_TIGHTENING from platform-wide context: in the drop's week, at least this share of the
   * product's borrowers saw a drop, among at least `platformMinBorrowers` borrowers. Ordinary weeks
   * see a few percent; 15% is several times that and needs a population big enough to mean it.
   */
  platformDropShare: 0.15,
  platformMinBorrowers: 20,

  /** PROCESSING_DELAY: temporary drop at most this many days after a repayment or maintenance notice. */
  processingDelayDays: 3,

  /** Outlook: OVERDUE clears this many days after the repayment that settled the last missed instalment. */
  overdueClearDays: 90,
  /** Outlook: one review cycle of the lender after the signals clear (borrowers report one to three months). */
  reviewCycleDays: 30,
  /** Outlook: a cross-user cohort counts only with this many borrowers (k-anonymity, as for platform weeks). */
  cohortMinBorrowers: 20,

  /** Growth: a limit not above its level of this many days before (and observed over as long) is flat. */
  flatDays: 180,
  /** SPARSE_ACTIVITY: use of the platform on fewer than this many distinct days in `sparseDays`. */
  sparseActiveDays: 4,
  sparseDays: 90,
  /** LOW_PLATFORM_ASSETS: latest platform balance below this many months of reported income. */
  assetIncomeMonths: 1,

  /** A measured value at this multiple of its threshold is a clear signal: confidence "high". */
  clearMultiple: 1.5,
  /** assess(): a signal not yet active is "near" once its value reaches this share of the threshold. */
  nearShare: 0.6,
  /** Borrower-side reasons listed before context reasons. */
  maxBorrowerReasons: 4,
  /** Context reasons count for this share of their strength when borrower reasons exist. */
  contextFactor: 0.5,
} as const;

export type Thresholds = typeof THRESHOLDS;
