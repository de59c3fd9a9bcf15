import "server-only";
import type { CoreContext, PlannedAction, Simulation } from "@/lib/core";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runBySize } from "@/lib/workers/by-size";
import { simulateHistoryTask } from "@/lib/workers/tasks/simulate-history";
import { readHistoryText } from "./history-text";

/**
 * The what-if page's simulation of the user's stored history: the history is read as text in
 * slices (lib/data/history-text.ts) and simulated in the worker pool when large, here when small
 * (below WORKER_MIN_EVENTS, where the pool's round trip costs more than the work).
 */
export async function simulateHistory(
  db: PrismaClient,
  options: { userId: string; actions: PlannedAction[]; horizonDays: number; asOf?: string; context: CoreContext },
): Promise<Simulation> {
  const { actions, horizonDays, asOf, context } = options;
  const text = await readHistoryText(db, { userId: options.userId });
  return runBySize(text.events, "history.simulate", { historyJson: text.json, actions, horizonDays, asOf, context }, simulateHistoryTask);
}
