/**
 * When signals clear if nothing new happens after the latest event: the shared machinery of the
 * outlook (per drop) and of growth's blockers. A signal is active on day D when its rule would
 * fire for a drop dated D; OVERDUE instead clears 90 days after the repayment that settled the
 * last missed instalment and never while one is unpaid (spec: "How long until it comes back").
 */
import { upperBound } from "./days";
import { RULES } from "./rules";
import { THRESHOLDS as T } from "./thresholds";
import type { Timeline } from "./timeline-types";
import type { BorrowerReasonCode, CoreContext } from "./types";

/** Cannot clear by time alone. */
export const NEVER = Infinity;

interface Scan {
  /** Lowest day scanned so far (every day from here to the horizon is known). */
  from: number;
  /** Last active day found at or after `from`, -Infinity when none. */
  last: number;
}

export interface Clearing {
  /** The latest event's day: nothing happens after it. */
  lastDay: number;
  /**
   * First day ≥ `after` + 1 from which `code` stays inactive; NEVER when it is still active once
   * every window has moved past the latest event.
   */
  clearsAfter(code: BorrowerReasonCode, after: number): number;
}

/**
 * A lazily filled, per-code backward scan from the horizon (the latest event + 181 days, where
 * every window has passed the data). Each day is evaluated at most once per code, and a scan
 * stops at the first active day it meets, so a signal that fired recently costs a few days.
 */
/**
 * Breakpoints of a rule: days on which its result can change. Between two of them a rule reads
 * the same events (the same ones inside its window, the same profile or balance state), so its
 * result is the same on every day, and a backward scan jumps from an inactive day to the
 * breakpoint at or before it. Rules whose result moves with the day itself (inactivity, counted
 * days of high utilisation) have none and are scanned day by day.
 */
function breakpoints(...parts: [readonly number[], number][]): number[] {
  // Each part is sorted, so pairwise merges keep this linear (a sort of ~2n days cost more than the scan).
  let out: number[] = [];
  for (const [days, shift] of parts) {
    const merged: number[] = new Array(out.length + days.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < out.length || j < days.length) merged[k++] = j >= days.length || (i < out.length && out[i]! <= days[j]! + shift) ? out[i++]! : days[j++]! + shift;
    out = merged;
  }
  return out;
}

/** Built only for the codes a scan meets, once per timeline. */
function supports(t: Timeline): Partial<Record<BorrowerReasonCode, () => number[]>> {
  const W = T.windowDays;
  // A window (D - width, D] changes when an event enters (D = its day) or leaves (D = its day + width).
  const windowed = (days: readonly number[], width: number = W): [readonly number[], number][] => [
    [days, 0],
    [days, width],
  ];
  return {
    INCOME_DECREASE: () => breakpoints(...windowed(t.incomeReports.days), ...windowed(t.employmentChanges.days), [t.profiles.days, 0]),
    EMPLOYMENT_CHANGE: () => breakpoints(...windowed(t.employmentChanges.days)),
    CREDIT_INQUIRIES: () => breakpoints(...windowed(t.inquiries.days)),
    EARLY_REPAYMENT_PATTERN: () => breakpoints(...windowed(t.earlyPayoffs.days)),
    IRREGULAR_REPAYMENT: () => breakpoints(...windowed(t.repayments.days)),
    FREQUENT_SMALL_BORROWING: () => breakpoints(...windowed(t.smallDraws.days, T.smallDrawDays)),
    // A drop's look-ahead: a notice counts from 7 days before it until 30 days after.
    ACCOUNT_SECURITY: () => breakpoints([t.securityNotices.days, -T.securityAfterDays], [t.securityNotices.days, T.securityNoticeDays + 1]),
    INCOMPLETE_PROFILE: () => breakpoints([t.profiles.days, 0]),
    HIGH_DEBT_BURDEN: () => breakpoints([t.profiles.days, 0], [t.balance.days, 0], ...windowed(t.mainBorrows.days)),
    MULTI_LENDER_EXPOSURE: () => breakpoints([t.accounts.days, 0], ...windowed(t.openings.days), ...windowed(t.openings.days, T.recentOpenedDays)),
  };
}

/** The next day to look at below an inactive day `d`: the day before the breakpoint at or before it. */
function nextDown(points: readonly number[] | undefined, d: number): number {
  if (!points) return d - 1;
  const i = upperBound(points, d) - 1;
  // Before the first breakpoint a rule reads no event and cannot fire.
  return i < 0 ? -Infinity : Math.min(d - 1, points[i]! - 1);
}

export function clearing(t: Timeline, context?: CoreContext): Clearing {
  const lastDay = t.events.length ? t.events[t.events.length - 1]!.day : 0;
  const horizon = lastDay + T.windowDays + 1;
  const scans = new Map<BorrowerReasonCode, Scan>();
  const support = supports(t);
  const points = new Map<BorrowerReasonCode, number[] | undefined>();
  const pointsOf = (code: BorrowerReasonCode): number[] | undefined => {
    if (!points.has(code)) points.set(code, support[code]?.());
    return points.get(code);
  };
  const drop = { temporary: false, restoredDay: null };
  const active = (code: BorrowerReasonCode, day: number): boolean => RULES[code]({ t, day, drop, context }).fired;

  function lastActive(code: BorrowerReasonCode, notBefore: number): number {
    let s = scans.get(code);
    if (!s) {
      s = { from: horizon, last: active(code, horizon) ? NEVER : -Infinity };
      scans.set(code, s);
    }
    while (s.last === -Infinity && s.from > notBefore) {
      const next = nextDown(pointsOf(code), s.from);
      if (next === -Infinity) {
        s.from = -Infinity;
        break;
      }
      s.from = next;
      if (active(code, s.from)) s.last = s.from;
    }
    return s.last;
  }

  return {
    lastDay,
    clearsAfter(code, after) {
      if (code === "OVERDUE") return overdueClears(t, after, lastDay);
      const last = lastActive(code, after + 1);
      if (last === NEVER) return NEVER;
      return Math.max(after + 1, last + 1);
    },
  };
}

/**
 * OVERDUE for the outlook: the instalments missed in the 180 days before `after` or since, each
 * clearing 90 days after the repayment that settled it; NEVER while one is unpaid.
 */
function overdueClears(t: Timeline, after: number, lastDay: number): number {
  const l = t.late;
  let clears = after + 1;
  for (let i = upperBound(l.days, after - T.windowDays); i < l.days.length && l.days[i]! <= lastDay; i++) {
    const settled = t.instalmentSettled[l.instalment[i]!]!;
    if (settled < 0) return NEVER;
    clears = Math.max(clears, settled + T.overdueClearDays);
  }
  return clears;
}
