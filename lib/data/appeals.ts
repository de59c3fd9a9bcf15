import "server-only";
import type { AppealFacts } from "@/lib/appeal/facts";
import type { Drop } from "@/lib/core";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { cachedRead } from "@/lib/db/read-cache";
import { dateToDay, dayToDate } from "@/lib/days";
import { runBySize } from "@/lib/workers/by-size";
import { appealFactsTask } from "@/lib/workers/tasks/appeal-facts";
import { readHistoryText } from "./history-text";

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

/**
 * What the drop's letter may state (lib/appeal/facts.ts). The record up to the drop reads every
 * event before it: the history is read as text in slices and measured in the worker pool when
 * large, and the facts (a few figures) are kept in the read cache until the user's data change,
 * so switching the letter's language or coming back costs nothing. `historyVersion` and `today`
 * are part of the key: another version or another letter date is another answer.
 */
export function appealFactsOf(db: PrismaClient, options: { userId: string; drop: Drop; today: string; historyVersion: number }): Promise<AppealFacts> {
  const { userId, drop, today } = options;
  return cachedRead(
    db,
    `appeal-facts:${userId}:${options.historyVersion}:${drop.date}:${today}`,
    async () => {
      const text = await readHistoryText(db, { userId });
      return runBySize(text.events, "appeal.facts", { historyJson: text.json, drop, today }, appealFactsTask);
    },
    { owner: userId, bytes: () => 2048 },
  );
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
