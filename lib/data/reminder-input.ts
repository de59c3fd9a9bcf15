import "server-only";
import type { Explanation } from "@/lib/core";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { HistoryEvent } from "@/lib/history/schema";
import type { DropLike, ReminderInput } from "@/lib/reminders/schedule";
import { EXPLAINED_KIND, cachedExplanation } from "./explanation-cache";

/*
 * What the reminder schedule reads, for many borrowers at once (the job walks every user in
 * batches): four queries a batch, not four a user. Drops come from the stored explanation
 * (ExplanationCache) when it matches the history's version, whatever its age: reminders need the
 * drops and steps, which the platform context's hourly refresh does not change.
 */

const toDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export type ReminderSubject = { userId: string; email: string; locale: string | null; currency: string; input: ReminderInput };

type Explained = { explanation: Explanation };

function dropsOf(explanation: Explanation): DropLike[] {
  // `outlook` arrives with the rule core's round 2; read it when present, typed loosely so this works either way.
  return explanation.drops.map((d) => ({ date: d.date, temporary: d.temporary, steps: d.steps, outlook: (d as { outlook?: DropLike["outlook"] }).outlook ?? null }));
}

export async function loadReminderSubjects(db: PrismaClient, userIds: readonly string[], now = new Date()): Promise<ReminderSubject[]> {
  if (userIds.length === 0) return [];
  const ids = [...userIds];
  const [users, events, steps, appeals, cached] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, locale: true, currency: true, historyVersion: true } }),
    db.event.findMany({ where: { userId: { in: ids }, type: { in: ["borrow", "repayment"] } }, select: { userId: true, eventId: true, payload: true }, orderBy: [{ day: "asc" }, { eventId: "asc" }] }),
    db.recoveryStepStatus.findMany({ where: { userId: { in: ids } }, select: { userId: true, dropDate: true, stepCode: true, status: true, doneAt: true } }),
    db.appeal.findMany({ where: { userId: { in: ids }, filedAt: { not: null }, outcome: null }, select: { id: true, userId: true, dropDate: true, filedAt: true, outcome: true } }),
    db.explanationCache.findMany({ where: { userId: { in: ids }, kind: EXPLAINED_KIND }, select: { userId: true, historyVersion: true, payload: true } }),
  ]);
  const group = <T extends { userId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) (m.get(r.userId) ?? m.set(r.userId, []).get(r.userId)!).push(r);
    return m;
  };
  const eventsBy = group(events);
  const stepsBy = group(steps);
  const appealsBy = group(appeals);
  const cacheBy = new Map(cached.map((c) => [c.userId, c]));
  const out: ReminderSubject[] = [];
  for (const u of users) {
    const row = cacheBy.get(u.id);
    let explanation: Explanation;
    if (row && row.historyVersion === u.historyVersion) explanation = (JSON.parse(row.payload) as Explained).explanation;
    else explanation = (await cachedExplanation(db, { userId: u.id, now })).explanation;
    out.push({
      userId: u.id,
      email: u.email,
      locale: u.locale,
      currency: u.currency,
      input: {
        events: (eventsBy.get(u.id) ?? []).map((e) => ({ ...(e.payload as HistoryEvent), id: e.eventId })),
        drops: dropsOf(explanation),
        steps: (stepsBy.get(u.id) ?? []).map((s) => ({ dropDate: toDay(s.dropDate)!, stepCode: s.stepCode, status: s.status, on: toDay(s.doneAt) })),
        appeals: (appealsBy.get(u.id) ?? []).map((a) => ({ id: a.id, dropDate: toDay(a.dropDate)!, filedAt: toDay(a.filedAt), outcome: a.outcome })),
      },
    });
  }
  return out;
}

/** User ids after `cursor`, in id order: the job's batches. */
export async function userIdsAfter(db: PrismaClient, cursor: string | null, take: number): Promise<string[]> {
  const rows = await db.user.findMany({ where: cursor ? { id: { gt: cursor } } : {}, select: { id: true }, orderBy: { id: "asc" }, take });
  return rows.map((r) => r.id);
}
