/**
 * Hand-built histories for the core's tests: a clean record (complete profile, on-time monthly
 * loans at 20% of the limit, weekly use of the platform) ending in a drop, onto which a test adds
 * exactly one signal. Dates are offsets in days from the drop, so cases read "10 days before".
 */
import { DEFAULT_BORROWER, type HistoryDocument, type HistoryEvent } from "@/lib/history/schema";
import { dayNumber, dayString } from "../days";

export const DROP_DATE = "2025-06-30";
const D = dayNumber(DROP_DATE);
/** The calendar date `offset` days from the drop (negative = before). */
export const at = (offset: number): string => dayString(D + offset);

type Draft = HistoryEvent extends infer E ? (E extends HistoryEvent ? Omit<E, "date" | "id"> & { at: number; id?: string } : never) : never;

let seq = 0;
/** An event `offset` days from the drop; ids are unique per process so cases can be combined. */
export function ev(draft: Draft): HistoryEvent {
  const { at: offset, ...rest } = draft;
  return { id: rest.id ?? `t${++seq}`, ...rest, date: at(offset) } as HistoryEvent;
}

export const doc = (events: HistoryEvent[], borrower: Partial<HistoryDocument["borrower"]> = {}): HistoryDocument => ({
  format: "credit-health-history",
  version: 1,
  borrower: { ...DEFAULT_BORROWER, ...borrower },
  events,
});

/**
 * A year of clean history before a drop from 30,000 to `newLimit` on DROP_DATE: complete profile,
 * income 15,000, score steady at 700, a 6,000 loan each month repaid on its due date, weekly payments.
 */
export function cleanRecord(options: { days?: number; newLimit?: number } = {}): HistoryEvent[] {
  const days = options.days ?? 365;
  const out: HistoryEvent[] = [
    ev({ type: "profile", at: -days, monthlyIncome: 15000, employment: "employed", employer: "Example Co", identityVerified: true, bankCardLinked: true, phoneVerified: true, incomeProofOnFile: true }),
    ev({ type: "limit", at: -days, limit: 30000 }),
  ];
  for (let d = -days; d < 0; d += 90) out.push(ev({ type: "score", at: d, score: 700 }));
  for (let d = -days + 3, n = 0; d + 30 < 0; d += 30, n++) {
    out.push(ev({ type: "borrow", at: d, amount: 6000, loanId: `C${n}`, termMonths: 1 }));
    out.push(ev({ type: "repayment", at: d + 30, amount: 6000, loanId: `C${n}`, dueDate: at(d + 30) }));
  }
  for (let d = -days + 2; d < 0; d += 7) out.push(ev({ type: "activity", at: d, kind: "payment", count: 2 }));
  out.push(ev({ type: "limit", at: 0, limit: options.newLimit ?? 20000 }));
  return out;
}

/** Keeps only limit/score observations after `offset` (for inactivity cases). */
export const quietAfter = (events: HistoryEvent[], offset: number): HistoryEvent[] =>
  events.filter((e) => e.type === "limit" || e.type === "score" || dayNumber(e.date) <= D + offset);
