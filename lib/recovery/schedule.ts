/**
 * When to look at the limit again after a step. Lenders re-evaluate on their own cycle; these are
 * the waits borrowers report before a change shows (seeds 000–004), kept in one table.
 */
import { dayNumber, dayString } from "@/lib/core/days";
import type { StepCode } from "@/lib/core/types";

export const RECHECK_DAYS: Record<StepCode, number> = {
  WAIT_AND_RECHECK: 3,
  UPDATE_INCOME: 30,
  COMPLETE_PROFILE: 14,
  REDUCE_UTILIZATION: 30,
  CLEAR_OVERDUE_AND_AUTOPAY: 30,
  PAUSE_CREDIT_APPLICATIONS: 90,
  CLOSE_UNUSED_CREDIT_LINES: 30,
  REPAY_ON_SCHEDULE: 60,
  PLAN_FEWER_LARGER_BORROWINGS: 60,
  USE_ACCOUNT_REGULARLY: 30,
  SECURE_ACCOUNT: 7,
  CHECK_CREDIT_REPORT: 30,
  FILE_APPEAL: 14,
  DIVERSIFY_FUNDING: 30,
  USE_LINE_MODESTLY: 60,
  BUILD_PLATFORM_ASSETS: 60,
};

export interface StepState {
  code: StepCode;
  status: "done" | "skipped" | "todo";
  /** YYYY-MM-DD the borrower gave for done/skipped. */
  on: string | null;
}

export interface Progress {
  done: number;
  skipped: number;
  total: number;
  /** The earliest recheck date not yet past among done steps; else the latest past one; null when nothing is done. */
  nextCheck: string | null;
}

/** Invariant: nextCheck is a done step's date plus its RECHECK_DAYS; skipped steps never schedule a check. */
export function progress(steps: readonly StepState[], today: string): Progress {
  const t = dayNumber(today);
  const checks = steps.filter((s) => s.status === "done" && s.on).map((s) => dayNumber(s.on!) + RECHECK_DAYS[s.code]);
  const upcoming = checks.filter((c) => c >= t).sort((a, b) => a - b);
  const past = checks.filter((c) => c < t).sort((a, b) => b - a);
  const next = upcoming[0] ?? past[0];
  return {
    done: steps.filter((s) => s.status === "done").length,
    skipped: steps.filter((s) => s.status === "skipped").length,
    total: steps.length,
    nextCheck: next === undefined ? null : dayString(next),
  };
}
