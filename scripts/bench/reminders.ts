/**
 * Reminder bench: every borrower's reminders for 10,000 generated borrowers, as the hourly job
 * computes them (remindersOf + dueToNotify, lib/reminders/schedule.ts) from the data it loads:
 * a year of Jiebei draws with terms and repayments (some instalments left unpaid), recovery step
 * statuses, a filed appeal and drops with an outlook window. Goal: under 10 s for all of them.
 * The figure is CPU time of this process (the machine is shared); wall time is reported beside it.
 * Run alone: `npx tsx scripts/bench/reminders.ts`.
 */
import { dayNumber, dayString } from "@/lib/core/days";
import type { HistoryEvent } from "@/lib/history/schema";
import { prng } from "@/lib/prng";
import { dueToNotify, remindersOf, type ReminderInput } from "@/lib/reminders/schedule";

export const REMINDERS_BENCH_GOAL_MS = 10_000;
const TODAY = "2025-12-01";

function borrower(rand: () => number): ReminderInput {
  const events: HistoryEvent[] = [];
  const start = dayNumber("2024-12-01");
  const draws = 12 + Math.floor(rand() * 12);
  for (let i = 0; i < draws; i++) {
    const day = dayString(start + Math.floor(rand() * 360));
    const terms = [3, 6, 12][Math.floor(rand() * 3)]!;
    const amount = 1000 + Math.floor(rand() * 90) * 100;
    const loanId = `L-${i}`;
    events.push({ id: `b${i}`, type: "borrow", date: day, amount, loanId, termMonths: terms });
    // Most instalments repaid on their day, a few not (overdue reminders), some ahead of time.
    const paid = Math.floor(rand() * (terms + 1));
    for (let k = 1; k <= paid; k++) events.push({ id: `r${i}-${k}`, type: "repayment", date: day, amount: Math.round((amount / terms) * 100) / 100, loanId });
  }
  const drop = dayString(start + 200);
  return {
    events,
    drops: [{ date: drop, temporary: false, steps: [{ code: "PAUSE_CREDIT_APPLICATIONS" }, { code: "WAIT_AND_RECHECK" }], outlook: { likelyFrom: "2025-12-02", likelyTo: "2026-01-01", signalsClearOn: "2025-12-02" } }],
    steps: [{ dropDate: drop, stepCode: "PAUSE_CREDIT_APPLICATIONS", status: "done", on: "2025-09-02" }],
    appeals: [{ id: "a1", dropDate: drop, filedAt: "2025-11-20", outcome: null }],
  };
}

export function runRemindersBench(options: { borrowers?: number } = {}) {
  const n = options.borrowers ?? 10_000;
  const rand = prng(17);
  const inputs = Array.from({ length: n }, () => borrower(rand));
  const events = inputs.reduce((s, i) => s + i.events.length, 0);
  // One warm-up pass on a slice, so JIT compilation is not measured.
  for (const i of inputs.slice(0, 200)) dueToNotify(remindersOf(i, TODAY), TODAY);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let reminders = 0;
  let due = 0;
  for (const input of inputs) {
    const all = remindersOf(input, TODAY);
    reminders += all.length;
    due += dueToNotify(all, TODAY).length;
  }
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  if (due === 0 || reminders < n) throw new Error("the generated borrowers produced no reminders: the bench measures nothing");
  return { borrowers: n, events, reminders, dueToday: due, cpuMs: Math.round(cpuMs), wallMs: Math.round(wallMs), goalMs: REMINDERS_BENCH_GOAL_MS, met: cpuMs < REMINDERS_BENCH_GOAL_MS };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = runRemindersBench();
  console.table([r]);
  console.log(JSON.stringify(r));
}
