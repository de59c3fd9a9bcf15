/**
 * What "my limit changed" writes, decided from the limits already on file. Pure, so the rules are
 * tested without a database; lib/data/limit-change.ts stores the events through the history store.
 *
 * The rule core sees a drop only between two observations: a borrower's first "my limit is ¥0"
 * alone explains nothing. So the form asks what the limit was, and that value is recorded on the
 * day before the change (the last day the borrower knew it at that level), the new one on the day
 * itself. When the limit in force before that day is already on file with the same value, nothing
 * is added for it: the history already says so.
 */
import { dayNumber, dayString } from "@/lib/core/days";
import type { HistoryEvent } from "@/lib/history/schema";
import type { LimitChange, LimitChangeErrors } from "./validation";

export type StoredLimit = { day: string; value: number };
export type LimitChangeOutcome = "drop" | "rise" | "same";

export type LimitChangePlan = {
  /** In the order they are written; ids are left out, so the store derives them from the content and a second tap adds nothing. */
  events: HistoryEvent[];
  /** Which form field each event came from, to put a store's refusal next to the right field. */
  fields: ("previous" | "current" | "score")[];
  outcome: LimitChangeOutcome;
  previous: number;
};

export const dayBefore = (day: string) => dayString(dayNumber(day) - 1);

/** The last stored limit strictly before `day` (`limits` in any order). */
export function limitInForce(limits: readonly StoredLimit[], day: string): StoredLimit | null {
  let found: StoredLimit | null = null;
  for (const l of limits) if (l.day < day && (found === null || l.day >= found.day)) found = l;
  return found;
}

/**
 * The events to store for one change, or the error to show: with no limit on file before the
 * change day, the previous value is required. A rise or an unchanged value is recorded as well
 * (it is what the borrower saw), only a lower value is a drop.
 */
export function planLimitChange(input: LimitChange, limits: readonly StoredLimit[]): { ok: true; plan: LimitChangePlan } | { ok: false; errors: LimitChangeErrors } {
  const before = limitInForce(limits, input.date);
  const previous = input.previous ?? before?.value;
  if (previous === undefined) return { ok: false, errors: { previous: "previousRequired" } };
  const events: HistoryEvent[] = [];
  const fields: LimitChangePlan["fields"] = [];
  if (input.previous !== undefined && input.previous !== before?.value) {
    events.push({ type: "limit", date: dayBefore(input.date), limit: input.previous, source: "manual" });
    fields.push("previous");
  }
  events.push({ type: "limit", date: input.date, limit: input.current, source: "manual" });
  fields.push("current");
  if (input.score !== undefined) {
    events.push({ type: "score", date: input.date, score: input.score, source: "manual" });
    fields.push("score");
  }
  const outcome: LimitChangeOutcome = input.current < previous ? "drop" : input.current > previous ? "rise" : "same";
  return { ok: true, plan: { events, fields, outcome, previous } };
}

/** Where the borrower lands: a drop's explanation at once, anything else the dashboard. */
export function landingHref(outcome: LimitChangeOutcome, date: string): string {
  return outcome === "drop" ? `/drops/${date}?recorded=1` : `/dashboard?recorded=${outcome}`;
}
