/**
 * The facts an appeal letter states (lib/appeal/facts.ts) measured over a whole history, as a
 * worker task: the repayment record up to the drop reads every event before it, which for a
 * 100,000-event history is not a request thread's work. Pure; the request thread runs the same
 * function for small histories. The history travels as JSON text, the facts (a few figures) back.
 */
import { appealFacts, type AppealFacts } from "@/lib/appeal/facts";
import type { Drop } from "@/lib/core";
import type { HistoryDocument } from "@/lib/history/schema";

export interface AppealFactsPayload {
  historyJson: string;
  drop: Drop;
  /** YYYY-MM-DD the letter is dated. */
  today: string;
}

export function appealFactsTask(p: AppealFactsPayload): AppealFacts {
  return appealFacts(JSON.parse(p.historyJson) as HistoryDocument, p.drop, p.today);
}
