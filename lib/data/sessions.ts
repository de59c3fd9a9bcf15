import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { cachedRead } from "@/lib/db/read-cache";

/*
 * Server-side sessions: one row per signed-in browser, its id in the JWT as `sid`. The JWT still
 * carries the lifetimes and the user's sessionVersion; this row is what sign-out ends. The check
 * runs on every request, so it goes through the read cache: the Session triggers (migration
 * 20261201082523_sessions) notify when a row is ended or removed, and every instance drops it.
 */

/** Starts the session of a sign-in; returns its id for the JWT. */
export async function startSession(db: PrismaClient, options: { userId: string; now?: Date }): Promise<string> {
  const now = options.now ?? new Date();
  const row = await db.session.create({ data: { userId: options.userId, createdAt: now, lastSeen: now }, select: { id: true } });
  return row.id;
}

/** True while the session exists, belongs to `userId` and has not been ended. */
export async function isSessionActive(db: PrismaClient, options: { sessionId: string; userId: string }): Promise<boolean> {
  const { sessionId, userId } = options;
  const row = await cachedRead(db, `session:${sessionId}`, () => db.session.findUnique({ where: { id: sessionId }, select: { userId: true, endedAt: true } }), {
    // A missing row is not kept; an existing one belongs to its user (ended or not, it can only end).
    owner: (r) => r?.userId ?? null,
    bytes: () => 128,
  });
  return row !== null && row.userId === userId && row.endedAt === null;
}

/** Records activity (at most every few minutes, from the jwt callback); the trigger does not fire for it. */
export async function touchSession(db: PrismaClient, options: { sessionId: string; at?: Date }): Promise<void> {
  await db.session.updateMany({ where: { id: options.sessionId, endedAt: null }, data: { lastSeen: options.at ?? new Date() } });
}

/** Sign-out: ends this one session (idempotent; another user's id changes nothing). */
export async function endSession(db: PrismaClient, options: { sessionId: string; userId: string; at?: Date }): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: options.sessionId, userId: options.userId, endedAt: null },
    data: { endedAt: options.at ?? new Date() },
  });
  return count > 0;
}
