import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dateToDay, dayToDate } from "@/lib/days";

/* Appeal letters and what came of filing them; every query is scoped by userId. */


export interface AppealRecord {
  id: string;
  language: string;
  body: string;
  filedAt: string | null;
  filedWith: string | null;
  outcome: string | null;
  updatedAt: Date;
}

export async function listAppeals(db: PrismaClient, options: { userId: string; dropDate: string }): Promise<AppealRecord[]> {
  const rows = await db.appeal.findMany({
    where: { userId: options.userId, dropDate: dayToDate(options.dropDate) },
    orderBy: { updatedAt: "desc" },
  });
  return rows.map((r) => ({ ...r, filedAt: r.filedAt ? dateToDay(r.filedAt) : null }));
}

/** Saves the letter: updates the newest unfiled draft in that language, or starts a new one. */
export async function saveAppeal(db: PrismaClient, options: { userId: string; dropDate: string; language: string; body: string }): Promise<string> {
  const draft = await db.appeal.findFirst({
    where: { userId: options.userId, dropDate: dayToDate(options.dropDate), language: options.language, filedAt: null },
    orderBy: { updatedAt: "desc" },
  });
  if (draft) {
    await db.appeal.update({ where: { id: draft.id }, data: { body: options.body } });
    return draft.id;
  }
  const created = await db.appeal.create({ data: { userId: options.userId, dropDate: dayToDate(options.dropDate), language: options.language, body: options.body } });
  return created.id;
}

/** Records where and when a letter was filed and its outcome; false when the appeal is not the user's. */
export async function recordFiling(
  db: PrismaClient,
  options: { userId: string; appealId: string; dropDate: string; filedAt: string; filedWith: string; outcome: string },
): Promise<boolean> {
  const res = await db.appeal.updateMany({
    where: { id: options.appealId, userId: options.userId, dropDate: dayToDate(options.dropDate) },
    data: { filedAt: dayToDate(options.filedAt), filedWith: options.filedWith, outcome: options.outcome },
  });
  return res.count === 1;
}
