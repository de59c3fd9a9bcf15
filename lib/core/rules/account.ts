/** Account-level reasons: inactivity and security restrictions (seed 004). */
import { dayString, rangeIn } from "../days";
import { lastAtOrBefore } from "../timeline";
import { THRESHOLDS as T } from "../thresholds";
import type { Figures } from "../types";
import { idsIn, result, span, windowStart, type Rule } from "./rule";

/**
 * LOW_ACTIVITY: no event but limit/score observations in the 120 days up to the day. Inactivity is
 * measured from the last such event, or from the start of the history: a history that begins
 * 10 days before a drop cannot show 120 idle days.
 */
export const lowActivity: Rule = ({ t, day }) => {
  const b = t.borrowerEvents;
  const i = lastAtOrBefore(b.days, day);
  const since = i >= 0 ? b.days[i]! : (t.firstDay ?? day);
  const idle = Math.max(0, day - since);
  const figures: Figures = i >= 0 ? { daysSinceActivity: idle, lastActivityDate: dayString(since) } : { daysSinceActivity: idle };
  return result("LOW_ACTIVITY", [{ metric: "daysSinceActivity", value: idle, threshold: T.inactiveDays, direction: "atLeast" }], i >= 0 ? [b.ids[i]!] : [], figures);
};

/**
 * ACCOUNT_SECURITY: a personal security notice within 30 days before a drop or 7 days after it
 * (the notice of a restriction often arrives after the cut); in assess() only up to the day.
 */
export const accountSecurity: Rule = ({ t, day, drop }) => {
  const s = t.securityNotices;
  const [lo, hi] = rangeIn(s.days, windowStart(day, T.securityNoticeDays) - 1, drop ? day + T.securityAfterDays : day);
  return result("ACCOUNT_SECURITY", [{ metric: "securityNotices30d", value: hi - lo, threshold: 1, direction: "atLeast" }], idsIn(s.ids, lo, hi), {
    securityNotices30d: hi - lo,
    ...span(s.days, lo, hi),
  });
};
