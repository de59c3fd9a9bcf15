/**
 * The timeline: one forward pass over the normalised events builds sorted per-signal arrays,
 * prefix sums and running state (balance, limit, profile, open lines). Rules then answer any
 * window with binary searches and short scans of that window, never a scan of the whole history,
 * so explaining d drops of an n-event history costs O(n log n + d·(log n + window)).
 * Every entry is computed from events at or before its own position: nothing here looks ahead.
 */
import type { HistoryDocument } from "@/lib/history/schema";
import { upperBound } from "./days";
import { normaliseEvents } from "./normalise";
import { THRESHOLDS } from "./thresholds";
import type { BalanceSegments, ProfileState, Series, Timeline, ValueSeries } from "./timeline-types";
import type { CoreEvent } from "./types";

const series = (): Series => ({ days: [], ids: [] });
const valueSeries = (): ValueSeries => ({ days: [], ids: [], values: [] });
function push(s: Series, e: CoreEvent): void {
  s.days.push(e.day);
  s.ids.push(e.id);
}
function pushValue(s: ValueSeries, e: CoreEvent, v: number): void {
  push(s, e);
  s.values.push(v);
}

/** Builds the timeline of a validated document. Invariant: independent of input event order. */
export function buildTimeline(doc: Pick<HistoryDocument, "events" | "borrower">): Timeline {
  const events = normaliseEvents(doc.events);
  const T = THRESHOLDS;
  const t: Timeline = {
    events,
    borrower: doc.borrower,
    firstDay: events.length ? events[0]!.day : null,
    limits: valueSeries(),
    scores: valueSeries(),
    inquiries: series(),
    borrowerEvents: series(),
    securityNotices: series(),
    policyNotices: series(),
    maintenanceNotices: series(),
    anyRepayments: series(),
    repayments: { ...valueSeries(), sum: new Float64Array(0), sumSq: new Float64Array(0) },
    late: { ...valueSeries(), instalment: [] },
    instalmentSettled: [],
    assets: valueSeries(),
    useDays: [],
    mainBorrows: valueSeries(),
    smallDraws: series(),
    earlyPayoffs: { ...valueSeries(), borrowIds: [] },
    accounts: valueSeries(),
    openings: series(),
    profiles: { ...series(), states: [] },
    incomeReports: valueSeries(),
    employmentChanges: { ...series(), field: [], from: [], to: [] },
    balance: { days: [], balance: [], limit: [], high: [], highBefore: [] },
  };
  let limit: number | null = null;
  let balance = 0;
  let profile: ProfileState = {};
  const openByLender = new Map<string, number>();
  let openLines = 0;
  // Loans keyed by lender + loanId: first draw day, amount drawn and repaid so far.
  const loans = new Map<string, { day: number; id: string; drawn: number; repaid: number }>();
  // Missed instalments by (lender, loanId, dueDate) and by (lender, dueDate, amount).
  const byLoan = new Map<string, number>();
  const byAmount = new Map<string, number>();
  const byAmountNoLoan = new Map<string, number>();
  const instalmentOf = (e: { lender?: string; loanId?: string; dueDate: string; amount: number }): number => {
    const lender = e.lender ?? "";
    const amountKey = `${lender}\u0000${e.dueDate}\u0000${e.amount}`;
    let idx: number | undefined;
    if (e.loanId !== undefined) {
      const loanKey = `${lender}\u0000${e.loanId}\u0000${e.dueDate}`;
      idx = byLoan.get(loanKey) ?? byAmountNoLoan.get(amountKey);
      if (idx === undefined) idx = t.instalmentSettled.push(-1) - 1;
      byLoan.set(loanKey, idx);
    } else {
      idx = byAmount.get(amountKey);
      if (idx === undefined) idx = t.instalmentSettled.push(-1) - 1;
      byAmountNoLoan.set(amountKey, idx);
    }
    byAmount.set(amountKey, idx);
    return idx;
  };
  const markUse = (day: number): void => {
    if (t.useDays[t.useDays.length - 1] !== day) t.useDays.push(day);
  };

  const markBalance = (day: number): void => {
    const b = t.balance;
    const last = b.days.length - 1;
    const i = last >= 0 && b.days[last] === day ? last : b.days.length;
    if (i === b.days.length) {
      const prevHigh = last >= 0 ? b.highBefore[last]! + (b.high[last] ? day - b.days[last]! : 0) : 0;
      b.days.push(day);
      b.highBefore.push(prevHigh);
    }
    b.balance[i] = balance;
    b.limit[i] = limit;
    b.high[i] = limit !== null && limit > 0 && balance >= T.highUtilization * limit;
  };

  for (const ce of events) {
    const e = ce.event;
    if (e.type !== "limit" && e.type !== "score") push(t.borrowerEvents, ce);
    switch (e.type) {
      case "limit":
        pushValue(t.limits, ce, e.limit);
        limit = e.limit;
        markBalance(ce.day);
        break;
      case "score":
        pushValue(t.scores, ce, e.score);
        break;
      case "asset":
        pushValue(t.assets, ce, e.balance);
        break;
      case "activity":
        markUse(ce.day);
        break;
      case "inquiry":
        push(t.inquiries, ce);
        break;
      case "notice":
        if (e.scope === "personal" && e.kind === "security") push(t.securityNotices, ce);
        if (e.scope === "platform" && e.kind === "policy") push(t.policyNotices, ce);
        if (e.kind === "maintenance") push(t.maintenanceNotices, ce);
        break;
      case "account": {
        const n = openByLender.get(e.lender) ?? 0;
        const next = e.action === "opened" ? n + 1 : Math.max(0, n - 1);
        openByLender.set(e.lender, next);
        openLines += next - n;
        pushValue(t.accounts, ce, openLines);
        if (e.action === "opened") push(t.openings, ce);
        break;
      }
      case "profile": {
        for (const field of ["employment", "employer"] as const) {
          const to = e[field];
          const from = profile[field];
          if (to !== undefined && from !== undefined && to !== from) {
            push(t.employmentChanges, ce);
            t.employmentChanges.field.push(field);
            t.employmentChanges.from.push(from);
            t.employmentChanges.to.push(to);
          }
        }
        if (e.monthlyIncome !== undefined) pushValue(t.incomeReports, ce, e.monthlyIncome);
        const next: ProfileState = { ...profile };
        for (const k of ["monthlyIncome", "employment", "employer", "identityVerified", "bankCardLinked", "phoneVerified", "incomeProofOnFile"] as const) {
          if (e[k] !== undefined) (next as Record<string, unknown>)[k] = e[k];
        }
        profile = next;
        push(t.profiles, ce);
        t.profiles.states.push(profile);
        break;
      }
      case "borrow": {
        if (e.lender === undefined) {
          markUse(ce.day);
          pushValue(t.mainBorrows, ce, e.amount);
          if (limit !== null && limit > 0 && e.amount <= T.smallDrawShare * limit) push(t.smallDraws, ce);
          balance += e.amount;
          markBalance(ce.day);
        }
        if (e.loanId !== undefined) {
          const key = e.lender === undefined ? e.loanId : `${e.lender}\u0000${e.loanId}`;
          const loan = loans.get(key);
          if (loan) loan.drawn += e.amount;
          else loans.set(key, { day: ce.day, id: ce.id, drawn: e.amount, repaid: 0 });
        }
        break;
      }
      case "repayment": {
        push(t.anyRepayments, ce);
        if (e.dueDate !== undefined) {
          const due = Date.UTC(+e.dueDate.slice(0, 4), +e.dueDate.slice(5, 7) - 1, +e.dueDate.slice(8, 10)) / 86_400_000;
          if (ce.day > due) {
            pushValue(t.late, ce, ce.day - due);
            const idx = instalmentOf({ lender: e.lender, loanId: e.loanId, dueDate: e.dueDate, amount: e.amount });
            t.late.instalment.push(idx);
            t.instalmentSettled[idx] = ce.day;
          }
        }
        if (e.lender === undefined) {
          markUse(ce.day);
          pushValue(t.repayments, ce, e.amount);
          balance = Math.max(0, balance - e.amount);
          markBalance(ce.day);
        }
        if (e.loanId !== undefined) {
          const key = e.lender === undefined ? e.loanId : `${e.lender}\u0000${e.loanId}`;
          const loan = loans.get(key);
          if (loan) {
            loan.repaid += e.amount;
            if (loan.repaid + 1e-9 >= loan.drawn) {
              loans.delete(key); // repaid in full: a later draw under the same id is a new loan
              if (ce.day - loan.day <= T.earlyRepaidWithinDays) {
                pushValue(t.earlyPayoffs, ce, ce.day - loan.day);
                t.earlyPayoffs.borrowIds.push(loan.id);
              }
            }
          }
        }
        break;
      }
      case "overdue":
        pushValue(t.late, ce, e.daysPastDue);
        t.late.instalment.push(instalmentOf(e));
        break;
      default:
        break;
    }
  }
  const r = t.repayments;
  r.sum = new Float64Array(r.values.length + 1);
  r.sumSq = new Float64Array(r.values.length + 1);
  for (let i = 0; i < r.values.length; i++) {
    r.sum[i + 1] = r.sum[i]! + r.values[i]!;
    r.sumSq[i + 1] = r.sumSq[i]! + r.values[i]! * r.values[i]!;
  }
  return t;
}

/** Index of the last entry at or before `day` (-1 if none). */
export function lastAtOrBefore(days: readonly number[], day: number): number {
  return upperBound(days, day) - 1;
}

/** Days in [from, to] (inclusive) on which main-product utilisation was at or above the threshold. */
export function highUtilizationDays(b: BalanceSegments, from: number, to: number): number {
  const before = (x: number): number => {
    const i = lastAtOrBefore(b.days, x - 1);
    return i < 0 ? 0 : b.highBefore[i]! + (b.high[i] ? x - b.days[i]! : 0);
  };
  return to < from ? 0 : before(to + 1) - before(from);
}
