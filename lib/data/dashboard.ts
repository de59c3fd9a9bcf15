import "server-only";
import { assess, type Assessment } from "@/lib/core";
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

/** Everything the dashboard draws for the signed-in user (userId from requireUser()). */
export async function getDashboard(options: { userId: string; now?: Date }): Promise<Dashboard> {
  const { history, explanation, context } = await loadExplained(options.userId);
  const timeline = buildTimeline(history, explanation);
  if (timeline.asOf === null) return { timeline, assessment: null, stale: false, eventCount: 0 };
  const today = dayNumber(todayInShanghai(options.now));
  const stale = today - timeline.asOf > FRESH_DAYS;
  const asOf = dayString(stale ? timeline.asOf : Math.max(today, timeline.asOf));
  return { timeline, assessment: assess(history, asOf, { context }), stale, eventCount: history.events.length };
}
