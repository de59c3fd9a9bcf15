/**
 * What to remind a borrower of, and when: pure, from the data the app already has (the history,
 * recovery step statuses, appeals and the explanation's drops). The job (lib/reminders/run.ts)
 * turns the reminders due today into notifications; the calendar feed lists them all.
 * Days are Asia/Shanghai calendar days (YYYY-MM-DD), like every date of the history format.
 */
import { dayNumber, dayString } from "@/lib/core/days";
import type { StepCode } from "@/lib/core/types";
import type { HistoryEvent } from "@/lib/history/schema";
import { RECHECK_DAYS } from "@/lib/recovery/schedule";
import { instalmentsOf } from "./instalments";
import type { ReminderKind } from "./kinds";

/** An instalment is announced this many days before it is due. */
export const DUE_LEAD_DAYS = 3;
/** A filed appeal with no outcome after this many days deserves a follow-up. */
export const APPEAL_FOLLOW_UP_DAYS = 7;
/**
 * A reminder whose day came more than this many days ago is not notified any more: importing ten
 * years of history must not raise a hundred alerts about instalments long settled elsewhere.
 */
export const NOTIFY_WITHIN_DAYS = 14;

export interface Reminder {
  kind: ReminderKind;
  /** Unique per borrower for what the reminder is about; a notification is made once per key. */
  key: string;
  /** The day it is about (a due date, a check date, a window's first day). */
  day: string;
  /** The last day of a window (outlook), else absent. */
  until?: string;
  /** The day the borrower is told. */
  notifyOn: string;
  /** Where it is acted on. */
  href: string;
  data: Record<string, string | number>;
}

/** The parts of a drop the reminders read; `outlook` only when the rule core provides it. */
export interface DropLike {
  date: string;
  temporary: boolean;
  steps: readonly { code: StepCode | string }[];
  outlook?: { likelyFrom?: string | null; likelyTo?: string | null; signalsClearOn?: string | null } | null;
}

export interface StepRecord {
  dropDate: string;
  stepCode: string;
  status: string;
  /** YYYY-MM-DD the borrower gave for done/skipped. */
  on: string | null;
}

export interface AppealRecord {
  id: string;
  dropDate: string;
  /** YYYY-MM-DD (Asia/Shanghai). */
  filedAt: string | null;
  outcome: string | null;
}

export interface ReminderInput {
  events: readonly HistoryEvent[];
  drops: readonly DropLike[];
  steps: readonly StepRecord[];
  appeals: readonly AppealRecord[];
}

const plus = (day: string, n: number) => dayString(dayNumber(day) + n);

function instalmentReminders(events: readonly HistoryEvent[], today: string): Reminder[] {
  const out: Reminder[] = [];
  for (const i of instalmentsOf(events)) {
    if (i.covered) continue;
    const data = { amount: i.amount, index: i.index, count: i.count, loan: i.loanId ?? "", lender: i.lender ?? "" };
    const href = "/data/events/new?type=repayment";
    // Both are listed for an unpaid past instalment: the calendar keeps its due date, and the overdue alert follows it.
    out.push({ kind: "INSTALMENT_DUE", key: `due:${i.loanKey}:${i.dueDay}`, day: i.dueDay, notifyOn: plus(i.dueDay, -DUE_LEAD_DAYS), href, data });
    if (i.dueDay < today) {
      out.push({ kind: "INSTALMENT_OVERDUE", key: `overdue:${i.loanKey}:${i.dueDay}`, day: i.dueDay, notifyOn: plus(i.dueDay, 1), href, data });
    }
  }
  return out;
}

function recoveryReminders(steps: readonly StepRecord[]): Reminder[] {
  return steps
    .filter((s) => s.status === "done" && s.on && s.stepCode in RECHECK_DAYS)
    .map((s) => {
      const day = plus(s.on!, RECHECK_DAYS[s.stepCode as StepCode]);
      return { kind: "RECOVERY_CHECK", key: `check:${s.dropDate}:${s.stepCode}:${day}`, day, notifyOn: day, href: "/recovery", data: { dropDate: s.dropDate, step: s.stepCode } };
    });
}

/** A drop the core answers with WAIT_AND_RECHECK (a processing delay): look again after the wait, unless already marked. */
function recheckReminders(drops: readonly DropLike[], steps: readonly StepRecord[]): Reminder[] {
  const marked = new Set(steps.filter((s) => s.stepCode === "WAIT_AND_RECHECK" && s.status !== "todo").map((s) => s.dropDate));
  return drops
    .filter((d) => d.steps.some((s) => s.code === "WAIT_AND_RECHECK") && !marked.has(d.date))
    .map((d) => {
      const day = plus(d.date, RECHECK_DAYS.WAIT_AND_RECHECK);
      return { kind: "DROP_RECHECK", key: `recheck:${d.date}`, day, notifyOn: day, href: `/drops/${d.date}`, data: { dropDate: d.date } };
    });
}

function appealReminders(appeals: readonly AppealRecord[]): Reminder[] {
  return appeals
    .filter((a) => a.filedAt && !a.outcome)
    .map((a) => {
      const day = plus(a.filedAt!, APPEAL_FOLLOW_UP_DAYS);
      return { kind: "APPEAL_FOLLOW_UP", key: `appeal:${a.id}`, day, notifyOn: day, href: `/drops/${a.dropDate}/appeal`, data: { dropDate: a.dropDate, filedAt: a.filedAt! } };
    });
}

/** The outlook's likely window (lib/core explain, when it provides `outlook`); a drop without one has none. */
function outlookReminders(drops: readonly DropLike[]): Reminder[] {
  const out: Reminder[] = [];
  for (const d of drops) {
    const from = d.outlook?.likelyFrom;
    if (d.temporary || !from) continue;
    const to = d.outlook?.likelyTo ?? from;
    out.push({ kind: "OUTLOOK_OPENS", key: `outlook:${d.date}:${from}`, day: from, until: to >= from ? to : from, notifyOn: from, href: `/drops/${d.date}`, data: { dropDate: d.date, from, to } });
  }
  return out;
}

/**
 * Every reminder the data imply, past and future, ordered by day. Invariants: keys are unique;
 * a covered instalment yields none; an overdue reminder exists only for a due day before `today`.
 */
export function remindersOf(input: ReminderInput, today: string): Reminder[] {
  const all = [
    ...instalmentReminders(input.events, today),
    ...recoveryReminders(input.steps),
    ...recheckReminders(input.drops, input.steps),
    ...appealReminders(input.appeals),
    ...outlookReminders(input.drops),
  ];
  const seen = new Set<string>();
  return all.filter((r) => !seen.has(r.key) && seen.add(r.key)).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.key < b.key ? -1 : 1));
}

/**
 * The reminders to notify on `today`: their notify day has come, and neither it nor the day they
 * are about lies more than NOTIFY_WITHIN_DAYS back. An instalment already past due is told as
 * overdue, not as coming due.
 */
export function dueToNotify(reminders: readonly Reminder[], today: string): Reminder[] {
  const oldest = plus(today, -NOTIFY_WITHIN_DAYS);
  return reminders.filter((r) => {
    if (r.notifyOn > today || r.notifyOn < oldest) return false;
    if (r.kind === "INSTALMENT_DUE" && r.day < today) return false;
    return (r.until ?? r.day) >= oldest;
  });
}
