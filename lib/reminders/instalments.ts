/**
 * Instalments of the borrower's draws: equal monthly instalments from the draw's calendar day
 * (Asia/Shanghai) for `termMonths` months, each matched against the repayments recorded for it.
 * Pure: the reminder job, the calendar feed and the bench call it with a loaded history.
 */
import { dayNumber } from "@/lib/core/days";
import { calendarDay, type HistoryEvent } from "@/lib/history/schema";

export interface Instalment {
  /** The draw's loanId, else its event id: repayments name a loan by loanId. */
  loanKey: string;
  loanId: string | null;
  lender: string | null;
  /** 1-based number of the instalment and how many the draw has. */
  index: number;
  count: number;
  /** YYYY-MM-DD (Asia/Shanghai). */
  dueDay: string;
  /** Principal share in yuan; the last instalment takes the cents left over. */
  amount: number;
  covered: boolean;
}

/**
 * The day `months` months after `day`, clamped to the month's end (31 Jan + 1 month = 28 or
 * 29 Feb), always counted from the draw day itself so 31 Jan gives 28 Feb, then 31 Mar.
 */
export function addMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const d = Number(day.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

type Draw = { key: string; loanId: string | null; lender: string | null; day: string; cents: number; terms: number };
type Pay = { loanId: string | null; lender: string | null; dueDay: string | null; cents: number };

const cents = (yuan: number) => Math.round(yuan * 100);
/** A repayment a little short of the instalment (rounding, a fee waived) still covers it. */
const tolerance = (instalmentCents: number) => Math.max(100, Math.round(instalmentCents * 0.01));

function drawsAndPayments(events: readonly HistoryEvent[]) {
  const draws: Draw[] = [];
  const pays: Pay[] = [];
  for (const e of events) {
    if (e.type === "borrow" && e.termMonths) {
      const day = calendarDay(e.date);
      if (!day) continue;
      draws.push({ key: e.loanId ?? e.id ?? `${day}:${e.amount}`, loanId: e.loanId ?? null, lender: e.lender ?? null, day, cents: cents(e.amount), terms: e.termMonths });
    } else if (e.type === "repayment") {
      pays.push({ loanId: e.loanId ?? null, lender: e.lender ?? null, dueDay: e.dueDate ?? null, cents: cents(e.amount) });
    }
  }
  return { draws, pays };
}

function split(d: Draw): Instalment[] {
  const base = Math.floor(d.cents / d.terms);
  return Array.from({ length: d.terms }, (_, i) => ({
    loanKey: d.key,
    loanId: d.loanId,
    lender: d.lender,
    index: i + 1,
    count: d.terms,
    dueDay: addMonths(d.day, i + 1),
    amount: (i === d.terms - 1 ? d.cents - base * (d.terms - 1) : base) / 100,
    covered: false,
  }));
}

/**
 * Marks instalments covered, in two passes per pool of repayments:
 * 1. a repayment naming the instalment (same loan, `dueDate` = its due day) and paying at least
 *    its share covers that instalment;
 * 2. every other repayment amount of the pool is applied to the remaining instalments in due
 *    order (paying ahead covers the next ones), an instalment counting as covered once the
 *    cumulative amount reaches it.
 * A pool is one loanId; draws and repayments without a loanId pool by lender (absent = the main
 * product), since Jiebei's own bill does not say which draw a repayment was for.
 */
function cover(instalments: Instalment[], pays: Pay[]): void {
  const named = new Map<string, Pay[]>();
  for (const p of pays) {
    const key = p.loanId !== null ? `id:${p.loanId}` : `lender:${p.lender ?? ""}`;
    const list = named.get(key) ?? named.set(key, []).get(key)!;
    list.push(p);
  }
  const pools = new Map<string, Instalment[]>();
  for (const i of instalments) {
    const key = i.loanId !== null ? `id:${i.loanId}` : `lender:${i.lender ?? ""}`;
    (pools.get(key) ?? pools.set(key, []).get(key)!).push(i);
  }
  for (const [key, list] of pools) {
    list.sort((a, b) => (a.dueDay < b.dueDay ? -1 : a.dueDay > b.dueDay ? 1 : a.loanKey < b.loanKey ? -1 : 1));
    let pool = 0;
    for (const p of named.get(key) ?? []) {
      const target = p.dueDay === null ? undefined : list.find((i) => !i.covered && i.dueDay === p.dueDay && p.cents + tolerance(cents(i.amount)) >= cents(i.amount));
      if (target) target.covered = true;
      else pool += p.cents;
    }
    for (const i of list) {
      if (i.covered) continue;
      const need = cents(i.amount);
      if (pool + tolerance(need) < need) break;
      pool = Math.max(0, pool - need);
      i.covered = true;
    }
  }
}

/** Every instalment of every draw with `termMonths`, oldest due first, covered ones marked. */
export function instalmentsOf(events: readonly HistoryEvent[]): Instalment[] {
  const { draws, pays } = drawsAndPayments(events);
  const all = draws.flatMap(split);
  cover(all, pays);
  return all.sort((a, b) => dayNumber(a.dueDay) - dayNumber(b.dueDay) || (a.loanKey < b.loanKey ? -1 : 1));
}
