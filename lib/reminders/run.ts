import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { addNotifications } from "@/lib/data/notifications";
import { loadReminderSubjects, userIdsAfter } from "@/lib/data/reminder-input";
import { mailConfig } from "@/lib/mail/config";
import { todayInShanghai } from "@/lib/days";
import { dueToNotify, remindersOf } from "./schedule";

const BATCH = 200;

/**
 * The reminders job: every borrower's reminders due today (Asia/Shanghai) become notifications.
 * Safe to repeat and to run on two instances at once: a notification's (user, key) is unique,
 * so a reminder already made is never made again.
 */
export async function runReminders(db: PrismaClient, { now = new Date() }: { now?: Date } = {}): Promise<{ users: number; created: number }> {
  const today = todayInShanghai(now);
  const mail = mailConfig() !== null;
  let cursor: string | null = null;
  let users = 0;
  let created = 0;
  for (;;) {
    const ids = await userIdsAfter(db, cursor, BATCH);
    if (ids.length === 0) break;
    cursor = ids[ids.length - 1]!;
    for (const s of await loadReminderSubjects(db, ids, now)) {
      users++;
      const due = dueToNotify(remindersOf(s.input, today), today);
      if (due.length) created += await addNotifications(db, { userId: s.userId, items: due, mail, now });
    }
  }
  return { users, created };
}
