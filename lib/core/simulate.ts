/** simulate(): what-if — planned actions as hypothetical future events, and which signals clear when. */
import type { EventOf, HistoryDocument, HistoryEvent } from "@/lib/history/schema";
import { signalsAt, type Signal } from "./assess";
import { dayNumber, dayString, round } from "./days";
import { buildTimeline, lastAtOrBefore } from "./timeline";
import type { CoreContext, ReasonCode } from "./types";

export type PlannedAction =
  /** Apply for no new credit: no inquiry is added (stated, so the result lists it as an assumption). */
  | { type: "noNewApplications" }
  /** Pay the main product down to this share (0..1) of the current limit on asOf. */
  | { type: "payDown"; toShare: number }
  | { type: "updateIncome"; monthlyIncome: number; employment?: Exclude<EventOf<"profile">["employment"], "irregular" | "unemployed" | undefined> }
  /** Verify identity and phone and link a bank card on asOf. */
  | { type: "completeProfile" }
  /** Repay on schedule: no late, early or clustered repayment is added. */
  | { type: "repayOnSchedule" }
  /** Ordinary use of the platform every `everyDays` days (default 7) through the horizon. */
  | { type: "keepUsingAccount"; everyDays?: number };

export interface SimulatedSignal {
  code: ReasonCode;
  metric: string;
  threshold: number;
  activeAtStart: boolean;
  activeAtEnd: boolean;
  valueAtStart: number;
  valueAtEnd: number;
  /** First day from which the signal stays inactive through the horizon; null if it does not. */
  clearsOn: string | null;
  /** First day an inactive signal turns active within the horizon; null if it does not. */
  becomesActiveOn: string | null;
}

export interface Simulation {
  asOf: string;
  until: string;
  actions: PlannedAction[];
  /** The hypothetical events added (ids `sim-N`, source `simulate`). */
  addedEvents: HistoryEvent[];
  /** Signals active at asOf or at any day of the horizon. */
  signals: SimulatedSignal[];
  cleared: ReasonCode[];
  remaining: ReasonCode[];
}

export const MAX_HORIZON_DAYS = 1095;

/**
 * Applies planned actions from `asOf` (default: the latest event's day; never the clock) and
 * re-evaluates the signals every day for `horizonDays` (1..1095). Events after asOf in the history
 * are ignored. Deterministic; says which signals clear and when, never what the limit will be.
 */
export function simulate(
  history: Pick<HistoryDocument, "events" | "borrower">,
  plannedActions: readonly PlannedAction[],
  horizonDays: number,
  options: { asOf?: string; context?: CoreContext } = {},
): Simulation {
  const base = buildTimeline(history);
  const start = options.asOf ? dayNumber(options.asOf) : base.events.length ? base.events[base.events.length - 1]!.day : 0;
  const horizon = Math.max(1, Math.min(MAX_HORIZON_DAYS, Math.floor(horizonDays)));
  const asOf = dayString(start);
  const added: HistoryEvent[] = [];
  const add = (e: HistoryEvent): void => {
    added.push({ ...e, id: `sim-${added.length + 1}`, source: "simulate" });
  };
  for (const a of plannedActions) {
    if (a.type === "payDown") {
      const seg = lastAtOrBefore(base.balance.days, start);
      const balance = seg >= 0 ? base.balance.balance[seg]! : 0;
      const limit = seg >= 0 ? (base.balance.limit[seg] ?? 0) : 0;
      const pay = round(balance - Math.max(0, Math.min(1, a.toShare)) * limit, 2);
      if (pay > 0) add({ type: "repayment", date: asOf, amount: pay });
    } else if (a.type === "updateIncome") {
      add({ type: "profile", date: asOf, monthlyIncome: a.monthlyIncome, ...(a.employment ? { employment: a.employment } : {}) });
    } else if (a.type === "completeProfile") {
      add({ type: "profile", date: asOf, identityVerified: true, bankCardLinked: true, phoneVerified: true });
    } else if (a.type === "keepUsingAccount") {
      const every = Math.max(1, Math.floor(a.everyDays ?? 7));
      for (let d = start; d <= start + horizon; d += every) add({ type: "activity", date: dayString(d), kind: "payment" });
    }
  }
  const dayOf = new Map(base.events.map((c) => [c.event, c.day]));
  const kept = history.events.filter((e) => dayOf.get(e)! <= start);
  const t = buildTimeline({ borrower: history.borrower, events: [...kept, ...added] });

  const key = (s: { code: string; metric: string }): string => `${s.code}/${s.metric}`;
  // The starting point is the history as it is (rules read only events up to asOf); the planned
  // events count from asOf itself, so an action taken today can clear a signal today.
  // Some measures exist only on some days (e.g. a platform week that matches): a measure absent on
  // a day counts as inactive that day.
  type Track = { s: Signal; lastActive: number; firstActive: number; end: Signal; endDay: number };
  const track = new Map<string, Track>();
  for (const s of signalsAt(base, start, options.context)) {
    track.set(key(s), { s, lastActive: s.active ? start - 1 : -Infinity, firstActive: -1, end: s, endDay: start - 1 });
  }
  const last = start + horizon;
  for (let d = start; d <= last; d++) {
    for (const s of signalsAt(t, d, options.context)) {
      let tr = track.get(key(s));
      if (!tr) {
        tr = { s: { ...s, active: false, value: 0 }, lastActive: -Infinity, firstActive: -1, end: s, endDay: d };
        track.set(key(s), tr);
      }
      tr.end = s;
      tr.endDay = d;
      if (s.active) {
        tr.lastActive = d;
        if (tr.firstActive < 0) tr.firstActive = d;
      }
    }
  }
  const signals: SimulatedSignal[] = [];
  for (const { s, lastActive, firstActive, end, endDay } of track.values()) {
    if (!s.active && firstActive < 0) continue;
    const activeAtEnd = end.active && endDay === last;
    signals.push({
      code: s.code,
      metric: s.metric,
      threshold: s.threshold,
      activeAtStart: s.active,
      activeAtEnd,
      valueAtStart: s.value,
      valueAtEnd: endDay === last ? end.value : 0,
      clearsOn: activeAtEnd ? null : dayString(lastActive + 1),
      becomesActiveOn: s.active || firstActive < 0 ? null : dayString(firstActive),
    });
  }
  const codes = (pred: (x: SimulatedSignal) => boolean): ReasonCode[] => [...new Set(signals.filter(pred).map((x) => x.code))];
  const remaining = codes((x) => x.activeAtEnd);
  return {
    asOf,
    until: dayString(start + horizon),
    actions: [...plannedActions],
    addedEvents: added,
    signals,
    cleared: codes((x) => x.activeAtStart && !remaining.includes(x.code)),
    remaining,
  };
}
