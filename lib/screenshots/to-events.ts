/**
 * Confirmed screenshot observations → history-v1 events. Pure. Limits of a product other than
 * the history's are left out (one history holds one credit line); a 芝麻分 belongs to the
 * borrower, whatever the product. The same fact twice (two screenshots of one page) is one event:
 * the history store derives ids from content, so a repeat inside one batch would otherwise count
 * as a second, distinct event.
 */
import type { HistoryEvent } from "@/lib/history/schema";
import type { SavedObservation } from "./validation";

export const SCREENSHOT_SOURCE = "import:screenshot";

export function screenshotEvents(observations: readonly SavedObservation[], historyProduct: string): { events: HistoryEvent[]; otherProduct: number } {
  const seen = new Set<string>();
  const events: HistoryEvent[] = [];
  let otherProduct = 0;
  for (const o of observations) {
    if (o.type === "limit" && o.product !== historyProduct) {
      otherProduct++;
      continue;
    }
    const key = `${o.type}|${o.date}|${o.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    events.push(
      o.type === "limit"
        ? { type: "limit", date: o.date, limit: o.value, source: SCREENSHOT_SOURCE }
        : { type: "score", date: o.date, score: o.value, source: SCREENSHOT_SOURCE },
    );
  }
  return { events, otherProduct };
}
