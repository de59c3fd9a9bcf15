/** explain(): every drop of a history with its ranked reasons and recovery steps. */
import type { HistoryDocument } from "@/lib/history/schema";
import { dayString } from "./days";
import { detectDrops } from "./drops";
import { rankReasons } from "./rank";
import { RULES } from "./rules";
import type { RuleResult } from "./rules/rule";
import { recoverySteps } from "./steps";
import { buildTimeline, lastAtOrBefore, type Timeline } from "./timeline";
import type { CoreContext, Drop, Explanation } from "./types";

export function explainTimeline(t: Timeline, context?: CoreContext): Explanation {
  const drops: Drop[] = detectDrops(t).map((d) => {
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
      reasons,
      steps: recoverySteps(reasons, { onTimeRecord, cancellation: d.kind === "cancellation" }),
    };
  });
  return { version: 1, drops };
}

/**
 * Explains every drop of a validated history-v1 document (spec: explanations.md).
 * Invariants: deterministic and independent of event order; drops oldest first; no drop when no
 * limit observation is lower than the one before it; events more than 7 days after a drop never
 * change its explanation (within 7 days only a restoring limit observation — the temporary flag
 * and PROCESSING_DELAY — and a platform policy notice, as the spec defines, can). Never throws on a
 * document that passed parseHistory().
 */
export function explain(history: Pick<HistoryDocument, "events" | "borrower">, options: { context?: CoreContext } = {}): Explanation {
  return explainTimeline(buildTimeline(history), options.context);
}
