import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The borrower-readable activity log; every row is written through recordAudit. Actions:
 * token.created, token.revoked (api-tokens.ts), export (exports.ts), import (imports.ts),
 * api.import (api/v1/history.ts), and the account's below (options.ts, account.ts).
 */
export const AUTH_AUDIT_ACTIONS = ["signin", "signin.locked", "password.changed", "email.changed", "sessions.revoked"] as const;
export type AuthAuditAction = (typeof AUTH_AUDIT_ACTIONS)[number];

type Db = PrismaClient | Prisma.TransactionClient;

export async function recordAudit(db: Db, options: { userId: string; action: string; ip?: string | null; detail?: Prisma.InputJsonValue }): Promise<void> {
  await db.auditLog.create({ data: { userId: options.userId, action: options.action, ip: options.ip ?? null, detail: options.detail } });
}

export type AuditEntry = { id: string; action: string; ip: string | null; detail: unknown; createdAt: Date };

export const AUDIT_PAGE_SIZE = 100;

/** The user's newest entries first; `before` (an entry id) pages back through older ones. */
export async function listAuditLog(db: PrismaClient, options: { userId: string; before?: string; take?: number }): Promise<AuditEntry[]> {
  const take = Math.min(options.take ?? AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE);
  return db.auditLog.findMany({
    where: { userId: options.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    ...(options.before ? { cursor: { id: options.before }, skip: 1 } : {}),
    select: { id: true, action: true, ip: true, detail: true, createdAt: true },
  });
}
