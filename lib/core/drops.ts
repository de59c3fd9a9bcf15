/** Drop detection (spec: "What is a drop"). */
import { THRESHOLDS } from "./thresholds";
import type { Timeline } from "./timeline-types";

export interface DetectedDrop {
  /** Index of the lower observation in timeline.limits. */
  index: number;
  day: number;
  eventId: string;
  previousLimit: number;
  newLimit: number;
  kind: "decrease" | "cancellation";
  temporary: boolean;
  /** Day of the first observation restoring at least previousLimit within 7 days, else null. */
  restoredDay: number | null;
}

/**
 * Consecutive limit observations where the later is lower, oldest first. The drop is dated at the
 * lower observation; 0 is a cancellation. `temporary` looks at most 7 days past the drop: the only
 * place a drop depends on later events.
 */
export function detectDrops(t: Timeline): DetectedDrop[] {
  const { days, values, ids } = t.limits;
  const drops: DetectedDrop[] = [];
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1]!;
    const next = values[i]!;
    if (next >= prev) continue;
    let restoredDay: number | null = null;
    for (let j = i + 1; j < values.length && days[j]! <= days[i]! + THRESHOLDS.temporaryWithinDays; j++) {
      if (values[j]! >= prev) {
        restoredDay = days[j]!;
        break;
      }
    }
    drops.push({
      index: i,
      day: days[i]!,
      eventId: ids[i]!,
      previousLimit: prev,
      newLimit: next,
      kind: next === 0 ? "cancellation" : "decrease",
      temporary: restoredDay !== null,
      restoredDay,
    });
  }
  return drops;
}
