import "server-only";
import { cache } from "react";
import { explain, type CoreContext, type Explanation } from "@/lib/core";
import { db } from "@/lib/db";
import type { HistoryDocument } from "@/lib/history/schema";
import { loadHistory } from "./history";
import { platformDropWeeks } from "./platform-drops";

export interface Explained {
  history: HistoryDocument;
  explanation: Explanation;
  context: CoreContext;
}

/**
 * The signed-in user's history and its explanation, with the platform-wide weeks of their drops
 * as context (so POLICY_TIGHTENING can fire). Cached per request: a layout, page and component
 * asking for it share one load. Two explain passes: the first finds the drop dates whose weeks
 * we ask about, the second explains with that context (explain is O(n log n), cheap next to I/O).
 */
export const loadExplained = cache((userId: string) => explainFor(userId));

/** Uncached: for a server action that changes the history and must see the result at once. */
export async function explainFor(userId: string): Promise<Explained> {
  const history = await loadHistory(db, userId);
  const first = explain(history);
  if (first.drops.length === 0) return { history, explanation: first, context: {} };
  const weeks = await platformDropWeeks(db, { product: history.borrower.product, days: first.drops.map((d) => d.date) });
  if (weeks.length === 0) return { history, explanation: first, context: {} };
  const context: CoreContext = { platformDropWeeks: weeks };
  return { history, explanation: explain(history, { context }), context };
}
