/**
 * What to do first after a drop. The rule core lists every drop's steps (lib/core/steps.ts); this
 * module only orders and annotates them for /recovery: the current drop (the latest one the limit
 * has not come back from) first with at most three steps marked "do this first", and every other
 * drop in a history that says why its steps no longer apply. Pure: no dates from the clock.
 */
import { BORROWER_REASONS, type Drop, type ReasonCode, type Step } from "@/lib/core/types";
import type { StepState } from "./schedule";

/** At most this many steps are marked "do this first": more than three is a list, not a priority. */
export const FIRST_STEPS = 3;

export type DropStatus =
  /** The latest drop the limit has not come back from: its steps are the ones to work on. */
  | { kind: "current" }
  /** A later observation reached the limit before the drop again, on `on`. */
  | { kind: "restored"; on: string }
  /** A later drop, itself not restored, replaced this one as the one to work on. */
  | { kind: "superseded"; by: string };

/** Why a listed step needs no work now; null when it still applies. */
export type StepNote = { kind: "restored"; on: string } | { kind: "superseded"; by: string } | { kind: "clearedToday" } | null;

export interface PlannedStep {
  step: Step;
  state: StepState;
  /** One of the (at most three) steps to do first. */
  first: boolean;
  note: StepNote;
}

export interface PlannedDrop {
  drop: Drop;
  status: DropStatus;
  steps: PlannedStep[];
  /** The current drop only: the latest observation, when it is above the drop's low but not yet back. */
  partly?: { limit: number; on: string };
}

export interface RecoveryPlan {
  current: PlannedDrop | null;
  /** Restored and superseded drops, newest first. */
  history: PlannedDrop[];
}

export interface PlanInput {
  drops: readonly Drop[];
  /** Every limit observation of the history (any order). */
  limits: readonly { date: string; limit: number }[];
  /** Step states per drop date (lib/data/recovery listStepStates); a missing step is `todo`. */
  states: ReadonlyMap<string, readonly StepState[]>;
  /** Reason codes active as early-warning signals today; null when there is nothing to assess. */
  activeToday: ReadonlySet<ReasonCode> | null;
}

const MEASURED: ReadonlySet<ReasonCode> = new Set(BORROWER_REASONS);

/** The first later observation at or above the limit before the drop, if any. */
export function restoredOn(drop: Drop, limits: PlanInput["limits"]): string | null {
  let best: string | null = null;
  for (const l of limits) {
    const day = l.date.slice(0, 10);
    if (day > drop.date && l.limit >= drop.previousLimit && (best === null || day < best)) best = day;
  }
  // A temporary drop came back within 7 days by definition, possibly on the drop's own day.
  return best ?? (drop.temporary ? drop.date : null);
}

/**
 * restoredOn for many drops at once: the observations sorted by day once, with the highest limit
 * from each one on, so a drop's answer is a binary search and a short scan instead of a pass over
 * every observation (a 100,000-event history: 422 drops × 4,140 limits took ~55 ms a page).
 * Invariant: the same answer as restoredOn for every drop.
 */
export function restorationsOf(limits: PlanInput["limits"]): (drop: Drop) => string | null {
  const byDay = limits.map((l) => ({ day: l.date.slice(0, 10), limit: l.limit })).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const maxFrom = new Array<number>(byDay.length);
  for (let i = byDay.length - 1; i >= 0; i--) maxFrom[i] = Math.max(byDay[i]!.limit, maxFrom[i + 1] ?? -Infinity);
  return (drop) => {
    let lo = 0;
    let hi = byDay.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byDay[mid]!.day <= drop.date) lo = mid + 1;
      else hi = mid;
    }
    if (lo < byDay.length && maxFrom[lo]! >= drop.previousLimit) {
      while (byDay[lo]!.limit < drop.previousLimit) lo++;
      return byDay[lo]!.day;
    }
    return drop.temporary ? drop.date : null;
  };
}

/**
 * Invariants: at most one current drop, and it is the latest unrestored one; every other drop is in
 * `history` exactly once; a temporary drop never lists FILE_APPEAL (nothing to appeal, the limit
 * came back); at most FIRST_STEPS steps are `first`, all of the current drop, all `todo`, all
 * still applying; a step of a history drop always carries the note of its drop's status.
 */
export function recoveryPlan(input: PlanInput): RecoveryPlan {
  const sorted = [...input.drops].sort((a, b) => a.date.localeCompare(b.date));
  // Keyed by the drop itself: two drops of one day can differ (the second one's "before" is the first's "after").
  const restoredAt = restorationsOf(input.limits);
  const restored = new Map(sorted.map((d) => [d, restoredAt(d)]));
  const open = sorted.filter((d) => restored.get(d) === null);
  const current = open.at(-1) ?? null;
  const statusOf = (d: Drop): DropStatus => {
    const on = restored.get(d);
    if (on) return { kind: "restored", on };
    if (d === current) return { kind: "current" };
    // The next open drop after this one: the drop that took over as the one to work on. By
    // position, not by a later date: two drops can fall on one day (two cuts in one day), and
    // the earlier of them is superseded by the later one.
    return { kind: "superseded", by: open[open.indexOf(d) + 1]!.date };
  };
  const planned = sorted.map((d) => planDrop(d, statusOf(d), input));
  const head = planned.find((p) => p.status.kind === "current");
  if (head) {
    const latest = [...input.limits].filter((l) => l.date.slice(0, 10) > head.drop.date).sort((a, b) => a.date.localeCompare(b.date)).at(-1);
    if (latest && latest.limit > head.drop.newLimit) head.partly = { limit: latest.limit, on: latest.date.slice(0, 10) };
  }
  return {
    current: planned.find((p) => p.status.kind === "current") ?? null,
    history: planned.filter((p) => p.status.kind !== "current").reverse(),
  };
}

function planDrop(drop: Drop, status: DropStatus, input: PlanInput): PlannedDrop {
  const states = input.states.get(drop.date) ?? [];
  const steps = drop.steps
    .filter((s) => !(drop.temporary && s.code === "FILE_APPEAL"))
    .map((step): PlannedStep => {
      const state = states.find((s) => s.code === step.code) ?? { code: step.code, status: "todo", on: null };
      return { step, state, first: false, note: noteOf(step, status, input.activeToday) };
    });
  if (status.kind === "current") {
    // Core order is rank order (the step answering the main reason first): keep it, take the first three open ones.
    steps.filter((s) => s.state.status === "todo" && s.note === null).slice(0, FIRST_STEPS).forEach((s) => (s.first = true));
  }
  return { drop, status, steps };
}

function noteOf(step: Step, status: DropStatus, activeToday: PlanInput["activeToday"]): StepNote {
  if (status.kind === "restored") return { kind: "restored", on: status.on };
  if (status.kind === "superseded") return { kind: "superseded", by: status.by };
  // Only reasons measured as signals can be seen to have cleared; a basis (an on-time record) always stands.
  if (!activeToday || step.basis?.length || !step.reasonCodes.length) return null;
  if (!step.reasonCodes.every((c) => MEASURED.has(c))) return null;
  return step.reasonCodes.some((c) => activeToday.has(c)) ? null : { kind: "clearedToday" };
}

/** The plan from what a page has at hand: the history's limit observations and today's assessment. */
export function recoveryPlanFor(input: {
  events: readonly { type: string; date: string; limit?: unknown }[];
  drops: readonly Drop[];
  states: PlanInput["states"];
  active: readonly { code: ReasonCode }[] | null;
}): RecoveryPlan {
  const limits = input.events.flatMap((e) => (e.type === "limit" && typeof e.limit === "number" ? [{ date: e.date, limit: e.limit }] : []));
  return recoveryPlan({ drops: input.drops, limits, states: input.states, activeToday: input.active ? new Set(input.active.map((s) => s.code)) : null });
}

/** One drop of the plan (the drop page shows a single drop, planned among all of them). */
export function plannedDrop(plan: RecoveryPlan, date: string): PlannedDrop | null {
  return plan.current?.drop.date === date ? plan.current : (plan.history.find((p) => p.drop.date === date) ?? null);
}
