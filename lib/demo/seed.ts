/**
 * Creates the demo borrower (lib/demo-account.ts) with the demo history, if missing. Shared by
 * `npm run db:seed` and `npm start`, which run under tsx: no "server-only" here.
 */
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/client";
import { importHistory, type ImportCounts } from "@/lib/data/history";
import { DEMO_CONSENT_PURPOSE, DEMO_EMAIL, DEMO_PASSWORD } from "@/lib/demo-account";
import { DEMO_END, demoHistory } from "./demo-history";

export type SeedResult = { created: false; userId: string } | { created: true; userId: string; counts: ImportCounts };

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "P2002";

export async function seedDemoBorrower(db: PrismaClient, options: { now?: Date } = {}): Promise<SeedResult> {
  const existing = await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } });
  if (existing) return { created: false, userId: existing.id };

  const now = options.now ?? new Date();
  let userId: string;
  try {
    const user = await db.user.create({
      data: {
        email: DEMO_EMAIL,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        name: "演示用户",
        isDemo: true,
        consentAt: now,
        consentPurpose: DEMO_CONSENT_PURPOSE,
      },
      select: { id: true },
    });
    userId = user.id;
  } catch (err) {
    // Another process seeded at the same moment: theirs is as good as ours.
    if (!isUniqueViolation(err)) throw err;
    const winner = await db.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL }, select: { id: true } });
    return { created: false, userId: winner.id };
  }

  try {
    // The demo ends on a fixed day; validate against it so a machine with a wrong clock still seeds.
    const validAt = new Date(Math.max(now.getTime(), Date.parse(`${DEMO_END}T12:00:00Z`)));
    const counts = await importHistory(db, { userId, document: demoHistory(), now: validAt });
    return { created: true, userId, counts };
  } catch (err) {
    // Without its history the account is useless, and "exists" would stop the next seed retrying.
    await db.user.delete({ where: { id: userId } }).catch(() => {});
    throw err;
  }
}
