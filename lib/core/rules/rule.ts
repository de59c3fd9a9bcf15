/**
 * What every reason rule receives and returns. A rule measures one or more figures against
 * thresholds (`measures`); it fires when any measure meets its threshold. The same measures feed
 * explain() (did it fire, how strongly) and assess() (how close is it to firing).
 */
import { THRESHOLDS } from "../thresholds";
import type { Timeline } from "../timeline-types";
import type { Confidence, CoreContext, Evidence, Figures, ReasonCode } from "../types";
import { dayString, round } from "../days";

export interface RuleInput {
  t: Timeline;
  /** The day evaluated: a drop's date, or assess()'s asOf. Rules read events up to this day. */
  day: number;
  /** Set when explaining a drop; absent in assess(). */
  drop?: { temporary: boolean; restoredDay: number | null };
  context?: CoreContext;
}

/** atLeast: value ≥ threshold fires; above: value > threshold; below: value < threshold. */
export type Direction = "atLeast" | "above" | "below";
export interface Measure {
  metric: string;
  value: number;
  threshold: number;
  direction: Direction;
}

export interface RuleResult {
  code: ReasonCode;
  fired: boolean;
  /** Severity in 0..1 when fired (0 otherwise); explain() turns severities into shares. */
  weight: number;
  confidence: Confidence;
  evidence: Evidence;
  measures: Measure[];
}

export type Rule = (input: RuleInput) => RuleResult;

export function met(m: Measure): boolean {
  if (m.direction === "atLeast") return m.value >= m.threshold;
  if (m.direction === "above") return m.value > m.threshold;
  return m.value < m.threshold;
}

/** How many times past its threshold a measure is (1 = exactly at it). */
export function excess(m: Measure): number {
  if (m.direction === "below") return m.value <= 0 ? 10 : m.threshold / m.value;
  return m.threshold <= 0 ? (m.value > 0 ? 10 : 0) : m.value / m.threshold;
}

/** Severity: 0.4 at the threshold, rising to 1 at twice it. */
export function severityOf(measures: readonly Measure[]): number {
  let best = 0;
  for (const m of measures) if (met(m)) best = Math.max(best, Math.min(1, 0.4 + 0.6 * (excess(m) - 1)));
  return best;
}

export function confidenceOf(measures: readonly Measure[]): Confidence {
  return measures.some((m) => met(m) && excess(m) >= THRESHOLDS.clearMultiple) ? "high" : "medium";
}

/** The usual result: fires on any met measure, severity and confidence from how far past it is. */
export function result(code: ReasonCode, measures: Measure[], eventIds: string[], figures: Figures): RuleResult {
  const fired = measures.some(met);
  return {
    code,
    fired,
    weight: fired ? round(severityOf(measures), 3) : 0,
    confidence: fired ? confidenceOf(measures) : "low",
    evidence: { eventIds: fired ? eventIds : [], figures: fired ? figures : {} },
    measures,
  };
}

/** Window start (exclusive) of the look-back. */
export const windowStart = (day: number, days: number = THRESHOLDS.windowDays): number => day - days;

/** Ids in [from, to) of a series. */
export const idsIn = (ids: readonly string[], from: number, to: number): string[] => ids.slice(from, to);

/** First and last date of a run of days, for "6 applications between 3 and 28 March". */
export function span(days: readonly number[], from: number, to: number): Figures {
  return to > from ? { firstDate: dayString(days[from]!), lastDate: dayString(days[to - 1]!) } : {};
}

/** Longest run within `width` calendar days in days[from, to): two pointers, O(to - from). */
export function densest(days: readonly number[], from: number, to: number, width: number): { count: number; from: number; to: number } {
  let best = { count: 0, from, to: from };
  let i = from;
  for (let j = from; j < to; j++) {
    while (days[j]! - days[i]! >= width) i++;
    if (j - i + 1 > best.count) best = { count: j - i + 1, from: i, to: j + 1 };
  }
  return best;
}
