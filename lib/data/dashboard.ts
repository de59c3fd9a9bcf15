import "server-only";
import type { Assessment } from "@/lib/core";
import { buildTimeline } from "@/lib/timeline/build";
import { currentAssessment } from "@/lib/timeline/current-assessment";
import type { TimelineData } from "@/lib/timeline/types";
import { loadExplained } from "./explained";

// Pages import these from here, beside the data they go with.
export { currentAssessment, todayInShanghai } from "@/lib/timeline/current-assessment";

export interface Dashboard {
  timeline: TimelineData;
  assessment: Assessment | null;
  /** True when the assessment is as of the last data day rather than today. */
  stale: boolean;
  eventCount: number;
}

/** Everything the dashboard draws for the signed-in user (userId from requireUser()). */
export async function getDashboard(options: { userId: string; now?: Date }): Promise<Dashboard> {
  const { history, explanation, context } = await loadExplained(options.userId);
  const timeline = buildTimeline(history, explanation);
  if (timeline.asOf === null) return { timeline, assessment: null, stale: false, eventCount: 0 };
  const { assessment, stale } = currentAssessment(history, context, options.now);
  return { timeline, assessment, stale, eventCount: history.events.length };
}
