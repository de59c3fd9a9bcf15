/**
 * When signals clear if nothing new happens after the latest event: the shared machinery of the
 * outlook (per drop) and of growth's blockers. A signal is active on day D when its rule would
 * fire for a drop dated D; OVERDUE instead clears 90 days after the repayment that settled the
 * last missed instalment and never while one is unpaid (spec: "How long until it comes back").
 */
import { lowerBound, upperBound } from "./days";
import { RULES } from "./rules";
import { THRESHOLDS as T } from "./thresholds";
import type { Timeline } from "./timeline";
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
 * Where a rule can fire at all, so a backward scan skips the days it cannot: a windowed rule fires
 * on D only with an event of its series in [D - width + 1, D + ahead]; a piecewise rule's value is
 * constant between the days of its series. Rules without an entry are scanned day by day.
 */
type Support = { kind: "window"; days: readonly number[]; width: number; ahead: number } | { kind: "piecewise"; days: readonly number[] };

function merged(a: readonly number[], b: readonly number[]): number[] {
  return [...a, ...b].sort((x, y) => x - y);
}

function supports(t: Timeline): Partial<Record<BorrowerReasonCode, Support>> {
  const W = T.windowDays;
  return {
    INCOME_DECREASE: { kind: "window", days: merged(t.incomeReports.days, t.employmentChanges.days), width: W, ahead: 0 },
    EMPLOYMENT_CHANGE: { kind: "window", days: t.employmentChanges.days, width: W, ahead: 0 },
    CREDIT_INQUIRIES: { kind: "window", days: t.inquiries.days, width: W, ahead: 0 },
    EARLY_REPAYMENT_PATTERN: { kind: "window", days: t.earlyPayoffs.days, width: W, ahead: 0 },
    IRREGULAR_REPAYMENT: { kind: "window", days: t.repayments.days, width: W, ahead: 0 },
    FREQUENT_SMALL_BORROWING: { kind: "window", days: t.smallDraws.days, width: T.smallDrawDays, ahead: 0 },
    ACCOUNT_SECURITY: { kind: "window", days: t.securityNotices.days, width: T.securityNoticeDays + 1, ahead: T.securityAfterDays },
    INCOMPLETE_PROFILE: { kind: "piecewise", days: t.profiles.days },
  };
}

/** The next day to look at below an inactive day `d`, skipping days on which the rule cannot fire. */
function nextDown(sup: Support | undefined, d: number): number {
  if (!sup) return d - 1;
  if (sup.kind === "piecewise") {
    // Days from the last change at or before d up to d share d's (inactive) value.
    const i = upperBound(sup.days, d) - 1;
    return i < 0 ? -Infinity : sup.days[i]! - 1;
  }
  // Last support day s with s <= d - 1 + ahead; days in (s + width - 1, d - 1] cannot fire.
  const i = lowerBound(sup.days, d + sup.ahead) - 1;
  if (i < 0) return -Infinity;
  return Math.min(d - 1, sup.days[i]! + sup.width - 1);
}

export function clearing(t: Timeline, context?: CoreContext): Clearing {
  const lastDay = t.events.length ? t.events[t.events.length - 1]!.day : 0;
  const horizon = lastDay + T.windowDays + 1;
  const scans = new Map<BorrowerReasonCode, Scan>();
  const support = supports(t);
  const drop = { temporary: false, restoredDay: null };
  const active = (code: BorrowerReasonCode, day: number): boolean => RULES[code]({ t, day, drop, context }).fired;

  function lastActive(code: BorrowerReasonCode, notBefore: number): number {
    let s = scans.get(code);
    if (!s) {
      s = { from: horizon, last: active(code, horizon) ? NEVER : -Infinity };
      scans.set(code, s);
    }
    while (s.last === -Infinity && s.from > notBefore) {
      const next = nextDown(support[code], s.from);
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
