/** Income, employment and profile reasons (seeds 000, 004). */
import { dayString, rangeIn, round } from "../days";
import { lastAtOrBefore } from "../timeline";
import { THRESHOLDS as T } from "../thresholds";
import type { Figures } from "../types";
import { idsIn, result, windowStart, type Measure, type Rule } from "./rule";

/**
 * INCOME_DECREASE: the latest income reported in the window is below 80% of an earlier one (the
 * income in effect when the window opened counts as earlier), or employment became unstable.
 */
export const incomeDecrease: Rule = ({ t, day }) => {
  const r = t.incomeReports;
  const [lo, hi] = rangeIn(r.days, windowStart(day), day);
  const measures: Measure[] = [];
  const ids: string[] = [];
  let figures: Figures = {};
  if (hi > lo) {
    let best = -1;
    // >= : of equal earlier values the latest, so an in-window value is cited over the one in force at the window's start.
    for (let i = Math.max(0, lo - 1); i < hi - 1; i++) if (best < 0 || r.values[i]! >= r.values[best]!) best = i;
    if (best >= 0 && r.values[best]! > 0) {
      const ratio = r.values[hi - 1]! / r.values[best]!;
      measures.push({ metric: "incomeRatio", value: round(ratio, 3), threshold: T.incomeDropRatio, direction: "below" });
      if (ratio < T.incomeDropRatio) ids.push(r.ids[best]!, r.ids[hi - 1]!);
      figures = {
        earlierIncome: r.values[best]!,
        earlierDate: dayString(r.days[best]!),
        latestIncome: r.values[hi - 1]!,
        latestDate: dayString(r.days[hi - 1]!),
        incomeRatioPct: Math.round(ratio * 100),
      };
      // Which measure fired decides the sentence; a rounded percentage could not (79.6% prints 80).
      if (ratio < T.incomeDropRatio) figures.pattern = "income";
    }
  }
  // "Became unemployed/irregular": a change in the window that still holds at the day.
  const c = t.employmentChanges;
  const [clo, chi] = rangeIn(c.days, windowStart(day), day);
  const p = lastAtOrBefore(t.profiles.days, day);
  const now = p >= 0 ? t.profiles.states[p]!.employment : undefined;
  let unstable = 0;
  for (let i = clo; i < chi; i++) {
    if (c.field[i] === "employment" && T.unstableEmployment.includes(c.to[i]!) && c.to[i] === now) {
      unstable++;
      ids.push(c.ids[i]!);
      figures = { pattern: "employment", ...figures, employment: now!, employmentDate: dayString(c.days[i]!) };
    }
  }
  measures.push({ metric: "becameUnstableEmployment", value: unstable ? 1 : 0, threshold: 1, direction: "atLeast" });
  return result("INCOME_DECREASE", measures, ids, figures);
};

/** EMPLOYMENT_CHANGE: employer or employment status changed in the window. */
export const employmentChange: Rule = ({ t, day }) => {
  const c = t.employmentChanges;
  const [lo, hi] = rangeIn(c.days, windowStart(day), day);
  const last = hi - 1;
  let employerChanges = 0;
  for (let i = lo; i < hi; i++) if (c.field[i] === "employer") employerChanges++;
  // Every change counted is named or summarised: how many of each kind, the first and the last.
  const figures: Figures =
    hi > lo
      ? {
          changes: hi - lo,
          employerChanges,
          statusChanges: hi - lo - employerChanges,
          field: c.field[last]!,
          from: c.from[last]!,
          to: c.to[last]!,
          changeDate: dayString(c.days[last]!),
          firstDate: dayString(c.days[lo]!),
        }
      : {};
  return result("EMPLOYMENT_CHANGE", [{ metric: "employmentChanges", value: hi - lo, threshold: 1, direction: "atLeast" }], idsIn(c.ids, lo, hi), figures);
};

/**
 * INCOMPLETE_PROFILE: at the day, identity, bank card or phone recorded as not verified, or a
 * profile on file without income. A history with no profile at all says nothing about the profile,
 * so it does not fire (no reason invented from missing data).
 */
export const incompleteProfile: Rule = ({ t, day }) => {
  const p = lastAtOrBefore(t.profiles.days, day);
  if (p < 0) return result("INCOMPLETE_PROFILE", [], [], {});
  const s = t.profiles.states[p]!;
  const flags = {
    identityMissing: s.identityVerified === false ? 1 : 0,
    bankCardMissing: s.bankCardLinked === false ? 1 : 0,
    phoneMissing: s.phoneVerified === false ? 1 : 0,
    incomeMissing: s.monthlyIncome === undefined ? 1 : 0,
  };
  const missing = flags.identityMissing + flags.bankCardMissing + flags.phoneMissing + flags.incomeMissing;
  return result("INCOMPLETE_PROFILE", [{ metric: "missingProfileItems", value: missing, threshold: 1, direction: "atLeast" }], [t.profiles.ids[p]!], {
    missingItems: missing,
    ...flags,
  });
};
