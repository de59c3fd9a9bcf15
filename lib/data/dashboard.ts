import "server-only";
import { assess, type Assessment, type CoreContext } from "@/lib/core";
import type { HistoryDocument } from "@/lib/history/schema";
import { dayNumber, dayString } from "@/lib/core/days";
import { buildTimeline } from "@/lib/timeline/build";
import type { TimelineData } from "@/lib/timeline/types";
import { loadExplained } from "./explained";

/** Assess at today while the data are fresh; a stale history is assessed at its last day and says so. */
const FRESH_DAYS = 30;

export interface Dashboard {
  timeline: TimelineData;
  assessment: Assessment | null;
  /** True when the assessment is as of the last data day rather than today. */
  stale: boolean;
  eventCount: number;
}

/** Today's calendar day in Asia/Shanghai (the history format's zone). */
export function todayInShanghai(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The early-warning assessment "today": at today while the data are fresh, else at the last data
 * day (a stale history assessed at today would flag inactivity that is only missing data).
 */
export function currentAssessment(history: HistoryDocument, context: CoreContext, now?: Date): { assessment: Assessment | null; stale: boolean } {
  let last = "";
  for (const e of history.events) if (e.date > last) last = e.date;
  if (!last) return { assessment: null, stale: false };
  const lastDay = dayNumber(last.slice(0, 10));
  const today = dayNumber(todayInShanghai(now));
  const stale = today - lastDay > FRESH_DAYS;
  return { assessment: assess(history, dayString(stale ? lastDay : Math.max(today, lastDay)), { context }), stale };
}

/** Everything the dashboard draws for the signed-in user (userId from requireUser()). */
export async function getDashboard(options: { userId: string; now?: Date }): Promise<Dashboard> {
  const { history, explanation, context } = await loadExplained(options.userId);
  const timeline = buildTimeline(history, explanation);
  if (timeline.asOf === null) return { timeline, assessment: null, stale: false, eventCount: 0 };
  const { assessment, stale } = currentAssessment(history, context, options.now);
  return { timeline, assessment, stale, eventCount: history.events.length };
}
