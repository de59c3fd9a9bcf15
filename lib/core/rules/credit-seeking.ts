/** Reasons about seeking credit: other lenders, applications, many small draws (seeds 000, 001, 002, 004). */
import { rangeIn } from "../days";
import { lastAtOrBefore } from "../timeline";
import { THRESHOLDS as T } from "../thresholds";
import { densest, idsIn, result, span, windowStart, type Rule } from "./rule";

/** MULTI_LENDER_EXPOSURE: 3+ open lines at other lenders at the day, or 2+ opened in 90 days. */
export const multiLenderExposure: Rule = ({ t, day }) => {
  const a = lastAtOrBefore(t.accounts.days, day);
  const open = a >= 0 ? t.accounts.values[a]! : 0;
  const o = t.openings;
  const [lo90, hi] = rangeIn(o.days, windowStart(day, T.recentOpenedDays), day);
  const [lo] = rangeIn(o.days, windowStart(day), day);
  return result(
    "MULTI_LENDER_EXPOSURE",
    [
      { metric: "openOtherLines", value: open, threshold: T.openOtherLines, direction: "atLeast" },
      { metric: "openedLines90d", value: hi - lo90, threshold: T.recentOpenedLines, direction: "atLeast" },
    ],
    // Evidence: the openings in the look-back window (older lines still count in openOtherLines).
    idsIn(o.ids, lo, hi),
    { openOtherLines: open, openedLines90d: hi - lo90, ...span(o.days, lo, hi) },
  );
};

/** CREDIT_INQUIRIES: 3+ applications within any 30 days of the window, or 6+ in the window. */
export const creditInquiries: Rule = ({ t, day }) => {
  const q = t.inquiries;
  const [lo, hi] = rangeIn(q.days, windowStart(day), day);
  const burst = densest(q.days, lo, hi, T.inquiryBurstDays);
  // Dates frame every application in the window, so "6 applications between 3 and 28 March" reads true.
  const framed = span(q.days, lo, hi);
  return result(
    "CREDIT_INQUIRIES",
    [
      { metric: "inquiries30d", value: burst.count, threshold: T.inquiryBurst, direction: "atLeast" },
      { metric: "inquiries180d", value: hi - lo, threshold: T.inquiriesInWindow, direction: "atLeast" },
    ],
    idsIn(q.ids, lo, hi),
    { inquiries30d: burst.count, inquiries180d: hi - lo, ...framed },
  );
};

/** FREQUENT_SMALL_BORROWING: 8+ draws of at most 10% of the limit (at the time) within 90 days. */
export const frequentSmallBorrowing: Rule = ({ t, day }) => {
  const s = t.smallDraws;
  const [lo, hi] = rangeIn(s.days, windowStart(day, T.smallDrawDays), day);
  return result(
    "FREQUENT_SMALL_BORROWING",
    [{ metric: "smallDraws90d", value: hi - lo, threshold: T.smallDraws, direction: "atLeast" }],
    idsIn(s.ids, lo, hi),
    { smallDraws90d: hi - lo, ...span(s.days, lo, hi) },
  );
};
