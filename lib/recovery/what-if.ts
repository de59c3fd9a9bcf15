/** The what-if form (a GET form: the URL is the plan, shareable and bookmarkable) as planned actions. */
import { z } from "zod";
import type { PlannedAction } from "@/lib/core";

const flag = z.preprocess((v) => v === "on" || v === "1", z.boolean());

export const HORIZONS = [30, 90, 180, 365] as const;

export const whatIfQuery = z.object({
  noNewApplications: flag,
  repayOnSchedule: flag,
  completeProfile: flag,
  keepUsingAccount: flag,
  payDown: z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.union([z.literal(0), z.literal(0.3), z.literal(0.5)]).optional()),
  income: z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number().min(0).max(100_000_000).optional()),
  horizon: z.preprocess((v) => (v === undefined ? 90 : Number(v)), z.union(HORIZONS.map((h) => z.literal(h)) as [z.ZodLiteral<30>, z.ZodLiteral<90>, z.ZodLiteral<180>, z.ZodLiteral<365>])),
});
export type WhatIfQuery = z.infer<typeof whatIfQuery>;

export function plannedActions(q: WhatIfQuery): PlannedAction[] {
  const out: PlannedAction[] = [];
  if (q.noNewApplications) out.push({ type: "noNewApplications" });
  if (q.repayOnSchedule) out.push({ type: "repayOnSchedule" });
  if (q.completeProfile) out.push({ type: "completeProfile" });
  if (q.keepUsingAccount) out.push({ type: "keepUsingAccount" });
  if (q.payDown !== undefined) out.push({ type: "payDown", toShare: q.payDown });
  if (q.income !== undefined) out.push({ type: "updateIncome", monthlyIncome: q.income });
  return out;
}
