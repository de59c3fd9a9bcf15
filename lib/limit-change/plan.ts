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

/** What is on file around the change day: the limit in force before it, and one observed on it. */
export type LimitsOnFile = { before: StoredLimit | null; sameDay?: { eventId: string; value: number } | null };

/**
 * The events to store for one change, or the error to show: with no limit on file before the
 * change day, the previous value is required. A rise or an unchanged value is recorded as well
 * (it is what the borrower saw), only a lower value is a drop. A limit already on file for the
 * change day is corrected in place (same event id) rather than joined by a second one: the rule
 * core orders one day's observations by id, not by when they were seen, so two would make the
 * day's limit a coin toss.
 */
export function planLimitChange(input: LimitChange, onFile: LimitsOnFile): { ok: true; plan: LimitChangePlan } | { ok: false; errors: LimitChangeErrors } {
  const { before, sameDay } = onFile;
  const previous = input.previous ?? before?.value;
  if (previous === undefined) return { ok: false, errors: { previous: "previousRequired" } };
  const events: HistoryEvent[] = [];
  const fields: LimitChangePlan["fields"] = [];
  if (input.previous !== undefined && input.previous !== before?.value) {
    events.push({ type: "limit", date: dayBefore(input.date), limit: input.previous, source: "manual" });
    fields.push("previous");
  }
  if (sameDay?.value !== input.current) {
    events.push({ ...(sameDay ? { id: sameDay.eventId } : {}), type: "limit", date: input.date, limit: input.current, source: "manual" });
    fields.push("current");
  }
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
