/**
 * A private demo borrower for one visitor: its own account, the demo history (lib/demo/demo-history.ts),
 * an address and a password nobody knows (the visitor is signed in directly, lib/actions/demo.ts),
 * removed after 24 hours without use (lib/jobs/demo-cleanup.ts). Replaces the one shared demo
 * account, which every visitor could lock, re-password, fill with text or delete for the next.
 * Shared with `npm run db:seed`, which runs under tsx: no "server-only" here.
 */
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { importHistory, type ImportCounts } from "@/lib/data/history";
import { DEMO_CONSENT_PURPOSE } from "@/lib/demo-account";
import { DEMO_END, demoHistory } from "./demo-history";

/** Demo addresses live under a domain that cannot receive mail (RFC 2606 `.local` is never delegated). */
export const DEMO_EMAIL_DOMAIN = "demo.credit-health.local";
export const DEMO_NAME = "演示用户";

export type DemoBorrower = { userId: string; email: string; name: string; sessionVersion: number; counts: ImportCounts };

/**
 * Creates the account and its history in one step: if the history cannot be stored, the account
 * is removed again (a demo without its chart is useless). `password` is for `npm run db:seed`,
 * which prints it; the app leaves it random and unknown.
 */
export async function createDemoBorrower(db: PrismaClient, options: { now?: Date; password?: string } = {}): Promise<DemoBorrower> {
  const now = options.now ?? new Date();
  const email = `demo-${randomBytes(9).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "x")}@${DEMO_EMAIL_DOMAIN}`;
  const user = await db.user.create({
    data: {
      email,
      passwordHash: await hashPassword(options.password ?? randomBytes(32).toString("base64url")),
      name: DEMO_NAME,
      isDemo: true,
      consentAt: now,
      consentPurpose: DEMO_CONSENT_PURPOSE,
    },
    select: { id: true, sessionVersion: true },
  });
  try {
    // The demo ends on a fixed day; validate against it so a machine with a wrong clock still works.
    const validAt = new Date(Math.max(now.getTime(), Date.parse(`${DEMO_END}T12:00:00Z`)));
    const counts = await importHistory(db, { userId: user.id, document: demoHistory(), now: validAt });
    return { userId: user.id, email, name: DEMO_NAME, sessionVersion: user.sessionVersion, counts };
  } catch (err) {
    await db.user.delete({ where: { id: user.id } }).catch(() => {});
    throw err;
  }
}
