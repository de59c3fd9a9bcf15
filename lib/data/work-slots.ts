import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

/** What a borrower may run one at a time: each parses, validates or writes a whole history. */
export type WorkKind = "import" | "sync" | "export" | "screenshots";

/**
 * A lease outlives a dead instance by at most this long; a live one renews it every third of it.
 * Short, because a borrower whose import died with its instance waits this long to retry.
 */
export const SLOT_LEASE_MS = 20_000;
const RENEW_EVERY_MS = SLOT_LEASE_MS / 3;
/** What a refused request is told to wait: long enough for a typical import, short for a person. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Runs `work` while holding the borrower's one work slot, or refuses with a 429 and Retry-After
 * when another heavy request of theirs is running, on this instance or another (issue 14: one
 * account must not occupy every worker). The slot is a row in PostgreSQL (or PGlite): the INSERT
 * takes a free slot or an expired one in one statement, so two requests never both win. It is
 * renewed while the work runs and released after, whatever the outcome.
 */
export async function withWorkSlot<T>(db: PrismaClient, options: { userId: string; kind: WorkKind }, work: () => Promise<T>): Promise<T> {
  const token = randomUUID();
  const taken = await db.$queryRaw<{ token: string }[]>`
    INSERT INTO "WorkSlot" ("userId", "token", "kind", "expiresAt")
    VALUES (${options.userId}, ${token}, ${options.kind}, now() + ${`${SLOT_LEASE_MS} milliseconds`}::interval)
    ON CONFLICT ("userId") DO UPDATE SET "token" = EXCLUDED."token", "kind" = EXCLUDED."kind", "expiresAt" = EXCLUDED."expiresAt"
    WHERE "WorkSlot"."expiresAt" < now()
    RETURNING "token"`;
  if (taken[0]?.token !== token) {
    throw new AppError("too_many_requests", "Another import, sync or export of yours is still running. Try again in a few seconds.", {
      headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
    });
  }
  const renew = setInterval(() => {
    db.$executeRaw`UPDATE "WorkSlot" SET "expiresAt" = now() + ${`${SLOT_LEASE_MS} milliseconds`}::interval
      WHERE "userId" = ${options.userId} AND "token" = ${token}`.catch((err: unknown) => console.error("Could not renew a work slot", err));
  }, RENEW_EVERY_MS);
  renew.unref();
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await db.$executeRaw`DELETE FROM "WorkSlot" WHERE "userId" = ${options.userId} AND "token" = ${token}`.catch((err: unknown) => {
      // The lease expires by itself; the work's own outcome matters more than this cleanup.
      console.error("Could not release a work slot", err);
    });
  }
}
