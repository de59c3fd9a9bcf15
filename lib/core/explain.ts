/** explain(): every drop of a history with its ranked reasons, recovery steps and outlook, and growth. */
import type { HistoryDocument } from "@/lib/history/schema";
import { clearing } from "./clearing";
import { dayString } from "./days";
import { detectDrops } from "./drops";
import { growthOf } from "./growth";
import { outlooks } from "./outlook";
import { rankReasons } from "./rank";
import { RULES } from "./rules";
import type { RuleResult } from "./rules/rule";
import { recoverySteps } from "./steps";
import { buildTimeline, lastAtOrBefore } from "./timeline";
import type { Timeline } from "./timeline-types";
import type { CoreContext, Drop, Explanation } from "./types";

export function explainTimeline(t: Timeline, context?: CoreContext): Explanation {
  const detected = detectDrops(t);
  const drops: Drop[] = detected.map((d) => {
    const input = { t, day: d.day, drop: { temporary: d.temporary, restoredDay: d.restoredDay }, context };
    const results: RuleResult[] = Object.values(RULES).map((rule) => rule(input));
    const reasons = rankReasons(results, d.eventId);
    const onTimeRecord = lastAtOrBefore(t.late.days, d.day) < 0;
    return {
      date: dayString(d.day),
      previousLimit: d.previousLimit,
      newLimit: d.newLimit,
      kind: d.kind,
      temporary: d.temporary,
      eventId: d.eventId,
      ...(d.restoredDay !== null ? { restoredOn: dayString(d.restoredDay) } : {}),
      reasons,
      steps: recoverySteps(reasons, { onTimeRecord, cancellation: d.kind === "cancellation" }),
    };
  });
  const clear = clearing(t, context);
  outlooks(t, detected, drops, clear, context).forEach((o, i) => {
    if (o !== undefined) drops[i]!.outlook = o;
  });
  return { version: 1, drops, growth: growthOf(t, clear, context) };
}

/**
 * Explains every drop of a validated history-v1 document (spec: explanations.md).
 * Invariants: deterministic and independent of event order; drops oldest first; no drop when no
 * limit observation is lower than the one before it; events more than 7 days after a drop never
 * change its reasons and steps (within 7 days only a restoring limit observation — the temporary
 * flag and PROCESSING_DELAY — and a platform policy or personal security notice, as the spec
 * defines, can), while its `outlook` and the top-level `growth` read every event up to the
 * latest one. Never throws on a document that passed parseHistory().
 */
export function explain(history: Pick<HistoryDocument, "events" | "borrower">, options: { context?: CoreContext } = {}): Explanation {
  return explainTimeline(buildTimeline(history), options.context);
}
