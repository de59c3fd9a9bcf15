/** assess(): early warning — the reason rules measured at any day, with how close each is to firing. */
import type { HistoryDocument } from "@/lib/history/schema";
import { dayNumber, dayString, round } from "./days";
import { RULES } from "./rules";
import { met, type Direction, type Measure } from "./rules/rule";
import { THRESHOLDS as T } from "./thresholds";
import { buildTimeline, lastAtOrBefore } from "./timeline";
import type { Timeline } from "./timeline-types";
import type { CoreContext, Figures, ReasonCode } from "./types";

export interface Signal {
  code: ReasonCode;
  metric: string;
  value: number;
  threshold: number;
  direction: Direction;
  /** How far the value still is from the threshold (0 when active), in the metric's own unit. */
  remaining: number;
  active: boolean;
  near: boolean;
  eventIds: string[];
  figures: Figures;
}

export interface Assessment {
  asOf: string;
  /** Latest observed limit at asOf, null when none. */
  limit: number | null;
  /** Measures at or past their threshold: the levels that have preceded cuts. */
  active: Signal[];
  /** Measures not yet active but within reach (≥ 60% of the threshold, or a ratio within 40% of it). */
  near: Signal[];
}

function remainingOf(m: Measure): number {
  if (met(m)) return 0;
  return round(m.direction === "below" ? m.value - m.threshold : m.threshold - m.value, 3);
}

/** Near: counts and amounts at 60%+ of their threshold; ratios (below) within 40% of the gap to 1. */
function isNear(m: Measure): boolean {
  if (met(m) || m.value <= 0) return false;
  if (m.direction === "below") return m.value < m.threshold + (1 - m.threshold) * (1 - T.nearShare);
  return m.value >= T.nearShare * m.threshold;
}

/** Every signal at `day`, active or not (PROCESSING_DELAY needs a drop and is never assessed). */
export function signalsAt(t: Timeline, day: number, context?: CoreContext): Signal[] {
  const out: Signal[] = [];
  for (const [code, rule] of Object.entries(RULES) as [ReasonCode, (typeof RULES)[keyof typeof RULES]][]) {
    if (code === "PROCESSING_DELAY") continue;
    const r = rule({ t, day, context });
    for (const m of r.measures) {
      const active = met(m);
      out.push({ code, metric: m.metric, value: m.value, threshold: m.threshold, direction: m.direction, remaining: remainingOf(m), active, near: isNear(m), eventIds: r.evidence.eventIds, figures: r.evidence.figures });
    }
  }
  return out;
}

export function assessTimeline(t: Timeline, day: number, context?: CoreContext): Assessment {
  const all = signalsAt(t, day, context);
  const l = lastAtOrBefore(t.limits.days, day);
  return {
    asOf: dayString(day),
    limit: l >= 0 ? t.limits.values[l]! : null,
    active: all.filter((s) => s.active),
    near: all.filter((s) => s.near).sort((a, b) => a.remaining / a.threshold - b.remaining / b.threshold),
  };
}

/**
 * Evaluates the reason rules at `asOf` (YYYY-MM-DD) as if a drop happened that day, using only
 * events up to asOf. Structured only: {code, metric, value, threshold, remaining, …}; the UI words it.
 * Invariant: events after asOf never change the result; deterministic.
 */
export function assess(history: Pick<HistoryDocument, "events" | "borrower">, asOf: string, options: { context?: CoreContext } = {}): Assessment {
  return assessTimeline(buildTimeline(history), dayNumber(asOf), options.context);
}
