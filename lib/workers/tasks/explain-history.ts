/**
 * Explaining a whole history (the rule core's two passes and the dashboard's view), as a worker
 * task for large histories (lib/data/explanation-cache.ts decides which). Pure: no database, no
 * "server-only" (worker threads load it through tsx), so the request thread and a worker give the
 * same answer from the same function.
 *
 * The history travels as JSON text and the results come back as JSON text: a string crosses
 * threads as one copy, where structured-cloning 100,000 event objects cost the request thread
 * ~260 ms, more than the stringify (~50 ms) and the explain itself; and the cache stores text anyway.
 */
import { explain, type CoreContext, type Explanation } from "@/lib/core";
import { buildDashboardView } from "@/lib/data/dashboard-view";
import type { HistoryDocument } from "@/lib/history/schema";

export interface ExplainHistoryPayload {
  /** The history document as JSON (as loaded by lib/data/history.ts). */
  historyJson: string;
  /** Platform context for the second pass; absent for the first. */
  context?: CoreContext;
  /** The request's clock (epoch ms): the view's "today" and assessment. */
  nowMs: number;
}

export interface ExplainHistoryResult {
  /** `{ explanation, context }` as the cache's "explained" row stores it. */
  explainedJson: string;
  /** The dashboard's view, as the cache's "dashboard" row stores it. */
  dashboardJson: string;
  /** What the caller needs to fetch the platform context: the drops' days, and whether any still waits for its limit. */
  dropDays: string[];
  anyOutlook: boolean;
}

/** explain(history, { context }) and the dashboard's view of it, as JSON text. */
export function explainHistory({ history, context, now }: { history: HistoryDocument; context: CoreContext; now: Date }): ExplainHistoryResult & { explanation: Explanation } {
  const explanation = Object.keys(context).length > 0 ? explain(history, { context }) : explain(history);
  const dashboard = buildDashboardView(history, explanation, context, now);
  return {
    explanation,
    explainedJson: JSON.stringify({ explanation, context }),
    dashboardJson: JSON.stringify(dashboard),
    dropDays: explanation.drops.map((d) => d.date),
    anyOutlook: explanation.drops.some((d) => d.outlook !== undefined),
  };
}

/** The worker's side: parses the history, explains, answers text only (no big object to clone back). */
export function explainHistoryTask(p: ExplainHistoryPayload): ExplainHistoryResult {
  const history = JSON.parse(p.historyJson) as HistoryDocument;
  const { explainedJson, dashboardJson, dropDays, anyOutlook } = explainHistory({ history, context: p.context ?? {}, now: new Date(p.nowMs) });
  return { explainedJson, dashboardJson, dropDays, anyOutlook };
}
