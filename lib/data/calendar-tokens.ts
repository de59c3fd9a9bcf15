import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The private calendar feed's secret, handled like API tokens (lib/data/api-tokens.ts): `cal_` +
 * 32 random bytes in base64url, shown once, only its sha256 stored. One live link per borrower:
 * making a new one revokes the old, so a link shared by mistake is cut off by replacing it.
 */

export const CALENDAR_PREFIX = "cal_";
const TOKEN_RE = /^cal_[A-Za-z0-9_-]{43}$/;
const VISIBLE_CHARS = 6;
const LAST_USED_RESOLUTION_MS = 60 * 60_000;

export type CalendarTokenSummary = { id: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

const hash = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export async function createCalendarToken(db: PrismaClient, { userId }: { userId: string }): Promise<{ token: string; summary: CalendarTokenSummary }> {
  const token = CALENDAR_PREFIX + randomBytes(32).toString("base64url");
  const prefix = token.slice(0, CALENDAR_PREFIX.length + VISIBLE_CHARS);
  return db.$transaction(async (tx) => {
    await tx.calendarToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    const summary = await tx.calendarToken.create({ data: { userId, tokenHash: hash(token), prefix }, select: { id: true, prefix: true, createdAt: true, lastUsedAt: true } });
    await tx.auditLog.create({ data: { userId, action: "calendar.created", detail: { prefix } } });
    return { token, summary };
  });
}

export function activeCalendarToken(db: PrismaClient, { userId }: { userId: string }): Promise<CalendarTokenSummary | null> {
  return db.calendarToken.findFirst({ where: { userId, revokedAt: null }, select: { id: true, prefix: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "desc" } });
}

/** Revokes the borrower's live link (if any); returns whether one was on. */
export async function revokeCalendarTokens(db: PrismaClient, { userId }: { userId: string }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const res = await tx.calendarToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count > 0) await tx.auditLog.create({ data: { userId, action: "calendar.revoked", detail: {} } });
    return res.count > 0;
  });
}

/** The owner of a live calendar token, or null (malformed, unknown or revoked). */
export async function calendarOwner(db: PrismaClient, token: string, now = new Date()): Promise<string | null> {
  if (!TOKEN_RE.test(token)) return null;
  const row = await db.calendarToken.findUnique({ where: { tokenHash: hash(token) }, select: { id: true, userId: true, revokedAt: true, lastUsedAt: true } });
  if (!row || row.revokedAt) return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
    await db.calendarToken.updateMany({ where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] }, data: { lastUsedAt: now } });
  }
  return row.userId;
}
