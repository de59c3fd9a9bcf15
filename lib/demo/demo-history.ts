/**
 * The demo borrower's history: two years of a Jiebei line ending in November 2026, so a
 * first-time visitor sees a real chart with several drops, each with a different cause (built on
 * the patterns of shared/examples):
 *   1. 2025-03-05 decrease after six credit applications in a month (CREDIT_INQUIRIES);
 *   2. 2025-09-10 temporary drop right after an early repayment, restored 3 days later (PROCESSING_DELAY);
 *   3. 2025-12-20 decrease after many small draws (FREQUENT_SMALL_BORROWING);
 *   4. 2026-03-17 cancellation after an instalment went 10 days overdue (OVERDUE), reinstated 2026-06-15;
 *   5. 2026-10-15 decrease after a new job with lower pay (INCOME_DECREASE, EMPLOYMENT_CHANGE).
 * Otherwise the borrower behaves well: monthly draws repaid on the due date, daily platform use.
 * Deterministic (seeded PRNG, fixed dates): the same document on every machine and every run.
 */
import type { HistoryDocument, HistoryEvent } from "@/lib/history/schema";
import { EVENT_TYPES, HISTORY_FORMAT } from "@/lib/history/schema";
import { prng } from "@/lib/prng";
import { addDays, dateToDay, DAY_MS, dayToDate } from "@/lib/days";

export const DEMO_START = "2024-11-25";
export const DEMO_END = "2026-11-20";

/** The drops the demo is built to show, oldest first (tests check the core finds them). */
export const DEMO_DROPS = [
  { date: "2025-03-05", from: 25000, to: 15000, cause: "CREDIT_INQUIRIES" },
  { date: "2025-09-10", from: 20000, to: 6000, cause: "PROCESSING_DELAY" },
  { date: "2025-12-20", from: 20000, to: 14000, cause: "FREQUENT_SMALL_BORROWING" },
  { date: "2026-03-17", from: 14000, to: 0, cause: "OVERDUE" },
  { date: "2026-10-15", from: 12000, to: 9000, cause: "INCOME_DECREASE" },
] as const;

/** Same day of the month, `n` months later (the day is at most 28 here, so it always exists). */
function addMonths(day: string, n: number): string {
  const d = dayToDate(day);
  d.setUTCMonth(d.getUTCMonth() + n);
  return dateToDay(d);
}
const inRange = (day: string, from: string, to: string) => day >= from && day <= to;

type NoId<E> = E extends unknown ? Omit<E, "id"> : never;
type Draft = NoId<HistoryEvent>;

export function demoHistory(seed = 20251120): HistoryDocument {
  const rand = prng(seed);
  const between = (lo: number, hi: number, step = 1) => lo + Math.floor(rand() * ((hi - lo) / step + 1)) * step;
  const events: Draft[] = [];
  const add = (e: Draft) => events.push(e);

  // Profile and the other lenders: a salaried borrower with one bank card elsewhere.
  add({ type: "profile", date: DEMO_START, monthlyIncome: 18000, employment: "employed", employer: "杭州云帆网络科技有限公司",
    identityVerified: true, bankCardLinked: true, phoneVerified: true, incomeProofOnFile: false });
  add({ type: "account", date: "2024-12-02", lender: "招商银行信用卡", action: "opened", limit: 30000 });
  add({ type: "profile", date: "2025-06-08", incomeProofOnFile: true, note: "上传了工资流水" });
  add({ type: "profile", date: "2026-05-10", monthlyIncome: 18000, note: "年度资料更新" });

  // Observed limits: monthly checks at the current value, plus the drops and recoveries.
  const limitChanges: [string, number][] = [
    [DEMO_START, 20000],
    ["2025-01-10", 25000],
    ...DEMO_DROPS.flatMap((d) => [[d.date, d.to] as [string, number]]),
    ["2025-06-10", 20000],
    ["2025-09-13", 20000],
    ["2026-06-15", 8000],
    ["2026-08-20", 12000],
  ];
  limitChanges.sort(([a], [b]) => a.localeCompare(b));
  const limitOn = (day: string) => limitChanges.filter(([d]) => d <= day).at(-1)![1];
  for (const [date, limit] of limitChanges) add({ type: "limit", date, limit });
  for (let day = addMonths(DEMO_START, 1); day <= DEMO_END; day = addMonths(day, 1)) {
    if (!limitChanges.some(([d]) => Math.abs(dayToDate(d).getTime() - dayToDate(day).getTime()) < 10 * DAY_MS)) add({ type: "limit", date: day, limit: limitOn(day) });
  }

  // Scores: a slow drift with dips after the inquiries and the overdue, recovering afterwards.
  const dips: [string, number][] = [["2025-02-24", -38], ["2026-03-16", -62], ["2026-10-05", -15]];
  let score = 688;
  const pending = [...dips];
  for (let day = DEMO_START; day <= DEMO_END; day = addDays(day, between(24, 36))) {
    score += between(-3, 5);
    while (pending.length && pending[0]![0] <= day) score += pending.shift()![1];
    score = Math.min(760, Math.max(560, score));
    add({ type: "score", date: day, score });
  }

  // Credit applications: the early 2025 spike (six lenders in 25 days), otherwise rare.
  const lenders = ["建设银行快贷", "微粒贷", "京东金条", "度小满", "360借条", "美团借钱"];
  lenders.forEach((lender, i) => add({ type: "inquiry", date: addDays("2025-02-01", i * 5), lender }));
  add({ type: "inquiry", date: "2024-12-01", lender: "招商银行信用卡", product: "信用卡" });

  // Monthly draws on the 5th, repaid in full on the due date, except in the special periods.
  let loan = 0;
  for (let draw = "2024-12-05"; draw <= addMonths(DEMO_END, -1); draw = addMonths(draw, 1)) {
    const paused =
      inRange(draw, "2025-08-20", "2025-12-31") || // the big early-repaid loan, then the small draws
      inRange(draw, "2026-02-01", "2026-06-20"); // the overdue loan, then the cancelled line
    if (paused) continue;
    const amount = Math.min(between(4500, 6000, 100), Math.floor(limitOn(draw) * 0.45 / 100) * 100);
    const loanId = `JB-${++loan}`;
    const due = addMonths(draw, 1);
    add({ type: "borrow", date: draw, amount, loanId, termMonths: 1 });
    add({ type: "repayment", date: due, amount, loanId, dueDate: due });
  }

  // 2: a large draw repaid two weeks early; the limit dips the next day and is restored.
  add({ type: "borrow", date: "2025-08-26", amount: 8000, loanId: "JB-D1", termMonths: 1 });
  add({ type: "repayment", date: "2025-09-09", amount: 8000, loanId: "JB-D1", dueDate: "2025-09-26" });
  add({ type: "notice", date: "2025-09-09", scope: "platform", kind: "maintenance", text: "借呗系统升级维护，部分用户额度展示可能延迟" });

  // 3: thirteen small draws (at most 10% of the limit) about a week apart, each repaid on time.
  for (let i = 0, day = "2025-09-22"; i < 13; i++, day = addDays(day, between(6, 7))) {
    const amount = between(800, 1800, 50);
    const loanId = `JB-S${i + 1}`;
    add({ type: "borrow", date: day, amount, loanId, termMonths: 1 });
    add({ type: "repayment", date: addMonths(day, 1), amount, loanId, dueDate: addMonths(day, 1) });
  }

  // 4: the February 2026 instalment is missed; ten days late the line is cancelled, then repaid.
  add({ type: "borrow", date: "2026-02-05", amount: 8000, loanId: "JB-O1", termMonths: 1 });
  add({ type: "overdue", date: "2026-03-15", amount: 8000, dueDate: "2026-03-05", daysPastDue: 10 });
  add({ type: "repayment", date: "2026-03-24", amount: 8000, loanId: "JB-O1", dueDate: "2026-03-05", note: "逾期后结清" });

  // 5: a new employer with lower pay, reported a month before the decrease.
  add({ type: "profile", date: "2026-09-12", monthlyIncome: 11000, employment: "employed", employer: "宁波海曙物流有限公司" });

  // Savings on the platform (余额宝), checked monthly.
  let balance = 8000;
  for (let day = "2024-11-28"; day <= DEMO_END; day = addMonths(day, 1)) {
    balance = Math.max(500, balance + between(-1500, 2500, 10));
    add({ type: "asset", date: day, balance, kind: "余额宝" });
  }

  // Everyday use: most days a few logins or payments.
  for (let day = DEMO_START; day <= DEMO_END; day = addDays(day, 1)) {
    if (rand() < 0.72) {
      const r = rand();
      add({ type: "activity", date: day, kind: r < 0.5 ? "payment" : r < 0.85 ? "login" : "transfer", count: between(1, 5) });
    }
  }

  // Stable ids in the core's order (date, type order, then insertion), like a real export.
  const order = (e: Draft) => EVENT_TYPES.indexOf(e.type);
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.date.localeCompare(b.e.date) || order(a.e) - order(b.e) || a.i - b.i);
  return {
    format: HISTORY_FORMAT,
    version: 1,
    borrower: { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } },
    events: sorted.map(({ e }, i) => ({ id: `demo-${String(i + 1).padStart(4, "0")}`, ...e }) as HistoryEvent),
  };
}
