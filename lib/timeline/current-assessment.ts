/** "Today" for the early-warning card: pure, so the stale-data rule is tested without a database. */
import { assess, type Assessment, type CoreContext } from "@/lib/core";
import { dayNumber, dayString } from "@/lib/core/days";
import { todayInShanghai } from "@/lib/days";
import type { HistoryDocument } from "@/lib/history/schema";

/** Assess at today while the data are fresh; a stale history is assessed at its last day and says so. */
export const FRESH_DAYS = 30;


/**
 * The early-warning assessment "today": at today while the data are fresh, else at the last data
 * day (a stale history assessed at today would flag inactivity that is only missing data).
 */
export function currentAssessment(history: Pick<HistoryDocument, "events" | "borrower">, context: CoreContext, now?: Date): { assessment: Assessment | null; stale: boolean } {
  let last = "";
  for (const e of history.events) if (e.date > last) last = e.date;
  if (!last) return { assessment: null, stale: false };
  const lastDay = dayNumber(last.slice(0, 10));
  const today = dayNumber(todayInShanghai(now));
  const stale = today - lastDay > FRESH_DAYS;
  return { assessment: assess(history, dayString(stale ? lastDay : Math.max(today, lastDay)), { context }), stale };
}
