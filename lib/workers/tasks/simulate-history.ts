/**
 * The what-if simulation (lib/core/simulate.ts) over a whole history, as a worker task: it
 * rebuilds the history's timeline and re-evaluates every signal for each day of the horizon,
 * which for a 100,000-event history is not a request thread's work. Pure; the request thread
 * runs the same function for small histories. The history travels as JSON text.
 */
import { simulate, type CoreContext, type PlannedAction, type Simulation } from "@/lib/core";
import type { HistoryDocument } from "@/lib/history/schema";

export interface SimulateHistoryPayload {
  historyJson: string;
  actions: PlannedAction[];
  horizonDays: number;
  asOf?: string;
  context: CoreContext;
}

export function simulateHistoryTask(p: SimulateHistoryPayload): Simulation {
  return simulate(JSON.parse(p.historyJson) as HistoryDocument, p.actions, p.horizonDays, { asOf: p.asOf, context: p.context });
}
