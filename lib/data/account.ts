import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { accountThrottleKeys } from "@/lib/auth/throttle-core";
import { EmailTakenError } from "@/lib/data/users";
import { recordAudit } from "@/lib/data/audit";

/*
 * Account changes from the settings pages. Each takes the Prisma client first (like exports.ts) so
 * integration tests run them on a fresh database. Every change and its activity-log row are one
 * transaction: the log never claims a change that did not happen, nor misses one that did.
 */

export async function findPasswordHash(db: PrismaClient, options: { userId: string }): Promise<{ email: string; passwordHash: string } | null> {
  return db.user.findUnique({ where: { id: options.userId }, select: { email: true, passwordHash: true } });
}

/** New hash, sessionVersion + 1 (every other session ends); returns the new version. */
export async function updatePassword(db: PrismaClient, options: { userId: string; passwordHash: string; ip: string | null }): Promise<number> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: options.userId },
      data: { passwordHash: options.passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordAudit(tx, { userId: options.userId, action: "password.changed", ip: options.ip });
    return user.sessionVersion;
  });
}

/** "Sign out everywhere": sessionVersion + 1; returns the new version. */
export async function bumpSessionVersion(db: PrismaClient, options: { userId: string; ip: string | null }): Promise<number> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: options.userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    await recordAudit(tx, { userId: options.userId, action: "sessions.revoked", ip: options.ip });
    return user.sessionVersion;
  });
}

/** Throws EmailTakenError when another account has the address (the unique index decides races). */
export async function updateEmail(db: PrismaClient, options: { userId: string; email: string; ip: string | null }): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: { email: true } });
      await tx.user.update({ where: { id: options.userId }, data: { email: options.email }, select: { id: true } });
      // Both addresses, so the owner can see (and contest) a change they did not make.
      await recordAudit(tx, { userId: options.userId, action: "email.changed", ip: options.ip, detail: { from: before.email, to: options.email } });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

/**
 * Erases the account. Deleting the User cascades (schema.prisma, onDelete: Cascade) to Event,
 * ApiToken, IdempotencyRecord, AuditLog, RecoveryStepStatus, Appeal and CsvMapping; the throttle
 * rows keyed by the e-mail have no foreign key, so they go explicitly, in the same transaction.
 * Per-IP throttle rows name no one and are left to expire.
 */
export async function deleteAccount(db: PrismaClient, options: { userId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: options.userId }, select: { email: true } });
    if (!user) return;
    await tx.rateLimiterFlexible.deleteMany({ where: { key: { in: accountThrottleKeys(user.email) } } });
    await tx.user.delete({ where: { id: options.userId }, select: { id: true } });
  });
}

/** PIPL: when the borrower consented, and to which purpose (as stored at sign-up). */
export async function findConsent(db: PrismaClient, options: { userId: string }): Promise<{ consentAt: Date | null; consentPurpose: string | null } | null> {
  return db.user.findUnique({ where: { id: options.userId }, select: { consentAt: true, consentPurpose: true } });
}
