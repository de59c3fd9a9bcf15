/**
 * A deterministic synthetic borrower for the benchmark and for tests that need volume: about
 * 3,000 events a year (daily platform use, frequent draws and repayments, applications, score and
 * limit observations, notices, other lenders) with roughly a dozen limit drops a year. The same
 * seed always gives the same document, so timings compare like with like.
 */
import { DEFAULT_BORROWER, type HistoryDocument, type HistoryEvent } from "@/lib/history/schema";
import { dayNumber, dayString } from "../days";
import { prng } from "@/lib/prng";

export interface GenerateOptions {
  /** Length of the history in years (default 10). */
  years?: number;
  /** Ends on this day (default 2025-12-31), so documents stay in the past. */
  endDate?: string;
  seed?: number;
}

/** Generates a valid history-v1 document; ~3,000 events and ~12 drops per year. */
export function generateHistory(options: GenerateOptions = {}): HistoryDocument {
  const years = options.years ?? 10;
  const end = dayNumber(options.endDate ?? "2025-12-31");
  const start = end - Math.round(years * 365.25) + 1;
  const rand = prng(options.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const money = (lo: number, hi: number) => Math.round((lo + rand() * (hi - lo)) * 100) / 100;
  const events: HistoryEvent[] = [];
  let n = 0;
  const add = (day: number, e: Record<string, unknown>) => events.push({ id: `g${++n}`, date: dayString(day), ...e } as HistoryEvent);

  let limit = 30000;
  let loan = 0;
  let income = 15000;
  add(start, { type: "profile", monthlyIncome: income, employment: "employed", employer: "Example Co", identityVerified: true, bankCardLinked: true, phoneVerified: true });
  add(start, { type: "limit", limit });
  for (let d = start; d <= end; d++) {
    add(d, { type: "activity", kind: "payment", count: 1 + Math.floor(rand() * 4) });
    if (rand() < 0.9) add(d, { type: "activity", kind: "login" });
    add(d, { type: "activity", kind: "transfer" });
    if (rand() < 0.9) add(d, { type: "activity", kind: "other" });
    // Draws, repaid early, on time or late; amounts vary so some windows look irregular.
    const draws = rand() < 0.9 ? 1 + Math.floor(rand() * 3) : 0;
    for (let k = 0; k < draws && limit > 0; k++) {
      const amount = money(100, Math.max(200, limit * (rand() < 0.8 ? 0.08 : 0.4)));
      const id = `L${++loan}`;
      add(d, { type: "borrow", amount, loanId: id, termMonths: 1 });
      const due = d + 30;
      const r = rand();
      const paid = r < 0.2 ? d + 1 + Math.floor(rand() * 6) : r < 0.97 ? due : due + 1 + Math.floor(rand() * 20);
      if (paid <= end) add(paid, { type: "repayment", amount, loanId: id, dueDate: dayString(due) });
      if (paid > due && due + 3 <= end) add(due + 3, { type: "overdue", amount, dueDate: dayString(due), daysPastDue: 3 });
    }
    if (rand() < 0.12) add(d, { type: "inquiry", lender: pick(["Bank A", "Bank B", "Lender C", "Lender D", "Lender E"]) });
    if (rand() < 0.02) add(d, { type: "account", lender: pick(["Bank A", "Bank B", "Lender C"]), action: rand() < 0.6 ? "opened" : "closed" });
    if (rand() < 0.01) add(d, { type: "asset", balance: money(0, 50000) });
    if (rand() < 0.012) add(d, { type: "notice", scope: rand() < 0.5 ? "platform" : "personal", kind: pick(["policy", "maintenance", "security", "other"] as const), text: "notice" });
    if (rand() < 0.01) {
      income = Math.round(income * (0.6 + rand() * 0.7));
      add(d, { type: "profile", monthlyIncome: income, ...(rand() < 0.3 ? { employer: pick(["Example Co", "Other Co"]) } : {}) });
    }
    if (d % 7 === 0) add(d, { type: "score", score: 600 + Math.floor(rand() * 150) });
    // Limit observed every 3 days: ~10% of observations are drops (a few to 0), the rest recover.
    if (d % 3 === 0) {
      const r = rand();
      if (r < 0.012) limit = 0;
      else if (r < 0.1) limit = Math.round((limit * (0.5 + rand() * 0.45)) / 100) * 100;
      else if (limit < 30000) limit = Math.min(50000, Math.max(1000, Math.round((limit * (1.05 + rand() * 0.3)) / 100) * 100));
      add(d, { type: "limit", limit });
    }
  }
  return { format: "credit-health-history", version: 1, borrower: { ...DEFAULT_BORROWER }, events };
}
