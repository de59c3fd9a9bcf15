import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isAppError } from "@/lib/errors";
import { planLimitChange, type LimitChangeOutcome, type StoredLimit } from "@/lib/limit-change/plan";
import type { LimitChange, LimitChangeErrors } from "@/lib/limit-change/check";
import { importHistory, readBorrower } from "./history";

/*
 * "My limit changed": two limit observations (and a score) written through the history store
 * (lib/data/history.ts), so they are validated, deduplicated by content and bump the history
 * version exactly like an import or the events form; the explanation cache follows from that.
 */

const dayDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
const dayText = (d: Date) => d.toISOString().slice(0, 10);

/** The user's last limit on file strictly before `before` (default: any), or null. */
export async function lastLimit(db: PrismaClient, options: { userId: string; before?: string }): Promise<StoredLimit | null> {
  const row = await db.event.findFirst({
    where: { userId: options.userId, type: "limit", ...(options.before ? { day: { lt: dayDate(options.before) } } : {}) },
    select: { day: true, value: true },
    orderBy: [{ day: "desc" }, { eventId: "desc" }],
  });
  return row && row.value !== null ? { day: dayText(row.day), value: Number(row.value) } : null;
}

export type RecordedLimitChange = { ok: true; outcome: LimitChangeOutcome; date: string; previous: number } | { ok: false; errors: LimitChangeErrors };

/**
 * Records one change for the user. Returns the form's errors when the change cannot be stored as
 * given (no previous value and none on file, a score outside the user's scale); nothing is stored
 * then. The caller refreshes the views.
 */
export async function recordLimitChange(db: PrismaClient, options: { userId: string; change: LimitChange; now?: Date }): Promise<RecordedLimitChange> {
  const { userId, change } = options;
  const [borrower, before, sameDay] = await Promise.all([
    readBorrower(db, userId),
    lastLimit(db, { userId, before: change.date }),
    db.event.findFirst({ where: { userId, type: "limit", day: dayDate(change.date) }, select: { eventId: true, value: true }, orderBy: { eventId: "desc" } }),
  ]);
  const planned = planLimitChange(change, { before, sameDay: sameDay && sameDay.value !== null ? { eventId: sameDay.eventId, value: Number(sameDay.value) } : null });
  if (!planned.ok) return planned;
  const { plan } = planned;
  try {
    await importHistory(db, {
      userId,
      document: {
        format: "credit-health-history",
        version: 1,
        borrower,
        events: plan.events,
      },
      now: options.now,
    });
  } catch (err) {
    if (isAppError(err) && err.code === "validation_failed") return { ok: false, errors: fieldErrors(err.problems ?? [], plan.fields) };
    throw err;
  }
  return { ok: true, outcome: plan.outcome, date: change.date, previous: plan.previous };
}

/** `events[2].score: …` → the field that event came from; the form's own checks leave only range errors here. */
function fieldErrors(problems: string[], fields: readonly ("previous" | "current" | "score")[]): LimitChangeErrors {
  const out: LimitChangeErrors = {};
  for (const p of problems) {
    const m = /^events\[(\d+)\]\.(\w+)/.exec(p);
    const field = m ? fields[Number(m[1])] : undefined;
    if (field === "score") out.score ??= "notScore";
    else if (field) out[field] ??= m![2] === "date" ? "future" : "notAmount";
    else out.form ??= "failed";
  }
  return out;
}
