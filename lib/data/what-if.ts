import "server-only";
import { simulate, type CoreContext, type PlannedAction, type Simulation } from "@/lib/core";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { run } from "@/lib/workers/pool";
import { WORKER_MIN_EVENTS } from "./explanation-cache";
import { parseHistoryText, readHistoryText } from "./history-text";

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
  if (text.events < WORKER_MIN_EVENTS) return simulate(parseHistoryText(text), actions, horizonDays, { asOf, context });
  return run("history.simulate", { historyJson: text.json, actions, horizonDays, asOf, context });
}
