/** Context reasons: listed after the borrower-side ones (spec: "may follow as context"). */
import { dayNumber, dayString, rangeIn, round } from "../days";
import { THRESHOLDS as T } from "../thresholds";
import type { Figures } from "../types";
import { idsIn, result, windowStart, type Measure, type Rule } from "./rule";

/**
 * SCORE_DECLINE: the latest score in the window is 20+ points (scaled to the borrower's score
 * scale) below an earlier one; the score in effect when the window opened counts as earlier.
 */
export const scoreDecline: Rule = ({ t, day }) => {
  const s = t.scores;
  const scale = t.borrower.scoreScale;
  const threshold = round((T.scoreDropPoints * (scale.max - scale.min)) / T.referenceScaleWidth, 2);
  const [lo, hi] = rangeIn(s.days, windowStart(day), day);
  let best = -1;
  // >= : of equal earlier values the latest, so an in-window value is cited over the one in force at the window's start.
    for (let i = Math.max(0, lo - 1); i < hi - 1; i++) if (best < 0 || s.values[i]! >= s.values[best]!) best = i;
  const decline = hi > lo && best >= 0 ? s.values[best]! - s.values[hi - 1]! : 0;
  const figures: Figures =
    decline > 0
      ? { scoreDecline: decline, fromScore: s.values[best]!, fromDate: dayString(s.days[best]!), toScore: s.values[hi - 1]!, toDate: dayString(s.days[hi - 1]!) }
      : {};
  return result("SCORE_DECLINE", [{ metric: "scoreDecline", value: decline, threshold, direction: "atLeast" }], decline > 0 ? [s.ids[best]!, s.ids[hi - 1]!] : [], figures);
};

/**
 * POLICY_TIGHTENING: a platform policy notice from 30 days before to 7 days after a drop (the
 * spec's window; in assess() only up to the day), or platform-wide context showing at least 15%
 * of the product's borrowers (20+ borrowers) dropping in the drop's week.
 */
export const policyTightening: Rule = ({ t, day, drop, context }) => {
  const p = t.policyNotices;
  const [lo, hi] = rangeIn(p.days, windowStart(day, T.policyBeforeDays) - 1, drop ? day + T.policyAfterDays : day);
  const measures: Measure[] = [{ metric: "policyNotices", value: hi - lo, threshold: 1, direction: "atLeast" }];
  const figures: Figures = hi > lo ? { policyNotices: hi - lo, noticeDate: dayString(p.days[lo]!) } : {};
  let share = -1;
  for (const w of context?.platformDropWeeks ?? []) {
    const start = dayNumber(w.weekStart);
    if (w.product !== t.borrower.product || day < start || day >= start + 7 || w.borrowers < T.platformMinBorrowers) continue;
    const s = w.borrowersWithDrops / w.borrowers;
    if (s > share) {
      share = s;
      Object.assign(figures, { platformDropSharePct: Math.round(s * 100), platformBorrowers: w.borrowers, weekStart: w.weekStart });
    }
  }
  if (share >= 0) measures.push({ metric: "platformDropShare", value: round(share, 3), threshold: T.platformDropShare, direction: "atLeast" });
  const r = result("POLICY_TIGHTENING", measures, idsIn(p.ids, lo, hi), figures);
  if (r.fired && hi === lo) r.confidence = "medium"; // inferred from other borrowers, not announced
  return r;
};

/**
 * PROCESSING_DELAY: a temporary drop at most 3 days after a repayment or maintenance notice.
 * Only for drops: it depends on the temporary flag, which looks up to 7 days ahead.
 */
export const processingDelay: Rule = ({ t, day, drop }) => {
  if (!drop?.temporary) return result("PROCESSING_DELAY", [], [], {});
  const from = windowStart(day, T.processingDelayDays) - 1;
  const [rlo, rhi] = rangeIn(t.anyRepayments.days, from, day);
  const [mlo, mhi] = rangeIn(t.maintenanceNotices.days, from, day);
  const triggers = [...idsIn(t.anyRepayments.ids, rlo, rhi), ...idsIn(t.maintenanceNotices.ids, mlo, mhi)];
  const lastRepayment = rhi > rlo ? t.anyRepayments.days[rhi - 1]! : -Infinity;
  const lastMaintenance = mhi > mlo ? t.maintenanceNotices.days[mhi - 1]! : -Infinity;
  const last = Math.max(lastRepayment, lastMaintenance);
  // The text names its trigger: the latest one, a maintenance notice when both fall on that day.
  const triggerKind = lastMaintenance >= lastRepayment ? "maintenance" : "repayment";
  const r = result("PROCESSING_DELAY", [{ metric: "triggersWithin3d", value: triggers.length, threshold: 1, direction: "atLeast" }], triggers, {
    ...(triggers.length ? { triggerKind, triggerDate: dayString(last), daysAfterTrigger: day - last } : {}),
    ...(drop.restoredDay !== null ? { restoredDate: dayString(drop.restoredDay), daysToRestore: drop.restoredDay - day } : {}),
  });
  if (r.fired) r.confidence = "high"; // restored within days after a trigger: the pattern itself
  return r;
};
