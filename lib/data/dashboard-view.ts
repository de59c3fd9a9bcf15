/**
 * What the dashboard renders, built once from a history and its explanation and then kept in
 * ExplanationCache (lib/data/explanation-cache.ts). Pure (no database), so it is tested alone.
 * Only what the page draws goes in: a ten-year history holds ~30,000 events, and shipping them
 * (or every drop's evidence and steps) made the dashboard's data 810 KB.
 */
import type { Assessment, CoreContext, Drop, Explanation, Growth } from "@/lib/core";
import type { HistoryDocument, HistoryEvent } from "@/lib/history/schema";
import { calendarDay } from "@/lib/history/schema";
import { learnedFromHistory, limitNow, type Learned, type LimitNow } from "@/lib/limit-change/summary";
import { buildChartTimeline } from "@/lib/timeline/build";
import { currentAssessment } from "@/lib/timeline/current-assessment";
import { todayInShanghai } from "@/lib/days";
import type { TimelineData } from "@/lib/timeline/types";

/** The latest observations the dashboard's table shows; the full list lives on the data page. */
export const RECENT_OBSERVATIONS = 12;
/** Reasons a drop shows on the dashboard (components/dashboard/drop-list.tsx); its page lists all. */
export const DASHBOARD_REASONS = 3;

export type ObservationRow = { id: string; date: string; kind: "limit" | "score"; value: number };

export interface DashboardView {
  /** The Asia/Shanghai day the assessment was made for: a view from yesterday is stale. */
  today: string;
  timeline: TimelineData;
  assessment: Assessment | null;
  /** True when the assessment is as of the last data day rather than today. */
  stale: boolean;
  eventCount: number;
  observationCount: number;
  /** Newest first. */
  recentObservations: ObservationRow[];
  /** Every drop with its top reasons only: no steps, no evidence event ids (the drop page has them). */
  drops: Drop[];
  /** Why the limit has not risen (a flat limit for 180+ days), else null. */
  growth: Growth | null;
  /**
   * The headline (today's limit and its change) and what the history holds besides observations.
   * Optional: a view cached before they existed lacks them until it is recomputed (within the hour).
   */
  limitNow?: LimitNow | null;
  learned?: Learned;
}

export function buildDashboardView(history: HistoryDocument, explanation: Explanation, context: CoreContext, now?: Date): DashboardView {
  const timeline = buildChartTimeline(history, explanation);
  const { assessment, stale } = timeline.asOf === null ? { assessment: null, stale: false } : currentAssessment(history, context, now);
  const observations = history.events.filter((e) => e.type === "limit" || e.type === "score");
  return {
    today: todayInShanghai(now),
    timeline,
    assessment,
    stale,
    eventCount: history.events.length,
    observationCount: observations.length,
    // The history is oldest first; the dashboard reads newest first.
    recentObservations: observations.slice(-RECENT_OBSERVATIONS).reverse().map(toRow),
    drops: explanation.drops.map(summary),
    // A row stored before growth existed has none: null until it is recomputed (within the hour).
    growth: explanation.growth ?? null,
    limitNow: limitNow(history.events),
    learned: learnedFromHistory(history.events),
  };
}

function summary(drop: Drop): Drop {
  const reasons = [...drop.reasons]
    .sort((a, b) => a.rank - b.rank)
    .slice(0, DASHBOARD_REASONS)
    .map((r) => ({ ...r, evidence: { eventIds: [], figures: r.evidence.figures } }));
  return { ...drop, reasons, steps: [] };
}

function toRow(e: HistoryEvent): ObservationRow {
  const base = { id: e.id!, date: calendarDay(e.date)! };
  if (e.type === "limit") return { ...base, kind: "limit", value: e.limit };
  if (e.type === "score") return { ...base, kind: "score", value: e.score };
  throw new Error(`not an observation: ${e.type}`);
}
