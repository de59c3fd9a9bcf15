import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deleteAccount } from "@/lib/data/account";

/** A demo borrower is removed after this long without use. */
export const DEMO_IDLE_MS = 24 * 60 * 60 * 1000;
/** One run removes at most this many (the next run takes the rest): a run never holds the database long. */
export const DEMO_CLEANUP_BATCH = 200;

/**
 * Demo borrowers unused for 24 hours: created before the cut-off, unchanged since (User.updatedAt
 * moves with every import or edit of their history) and with no session seen since. Each goes
 * through deleteAccount, so its rows and throttle entries leave exactly as a deleted account's do.
 * Only isDemo accounts are ever touched. Returns how many were removed.
 */
export async function removeIdleDemoBorrowers(db: PrismaClient, options: { now: Date; idleMs?: number; batch?: number }): Promise<number> {
  const cutoff = new Date(options.now.getTime() - (options.idleMs ?? DEMO_IDLE_MS));
  const idle = await db.user.findMany({
    where: { isDemo: true, createdAt: { lt: cutoff }, updatedAt: { lt: cutoff }, sessions: { none: { lastSeen: { gte: cutoff } } } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: options.batch ?? DEMO_CLEANUP_BATCH,
  });
  for (const { id } of idle) await deleteAccount(db, { userId: id });
  return idle.length;
}
