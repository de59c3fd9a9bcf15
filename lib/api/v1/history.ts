import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { exportHistory, importHistory } from "@/lib/data/history";
import { AppError, isAppError, readJsonBody } from "@/lib/errors";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { apiHandler } from "@/lib/auth/guards";
import { withSignalWatch } from "@/lib/reminders/signal-watch";
import { withIdempotency } from "../idempotency";
import type { ImportResult } from "../schemas";
import { recordAudit } from "@/lib/data/audit";

/** The sync API's history endpoints, bound to a Prisma client (the app's `db`, or a test database). */
export function historyHandlers(getDb: () => PrismaClient) {
  return {
    // POST /api/v1/history — merge a history-v1 document into the token owner's history
    POST: apiHandler(getDb, async ({ db, request, principal }) => {
      // Read (bounded) before claiming the idempotency key: a 400/413 body never holds a key.
      const { bytes, value } = await readJsonBody(request);
      const scope = { scope: principal.tokenId, userId: principal.userId, tokenId: principal.tokenId };
      return withIdempotency(db, request, scope, bytes, async () => {
        // importHistory validates with parseHistory (the one schema) before its transaction and
        // throws validation_failed with every problem, so nothing is stored on any problem.
        let result: ImportResult | undefined;
        // The events and their audit row commit together: the activity log never misses an import.
        await withSignalWatch(db, principal.userId, () =>
          importHistory(db, {
            userId: principal.userId,
            document: value,
            alsoInTransaction: async (tx, counts) => {
              const total = await tx.event.count({ where: { userId: principal.userId } });
              result = { added: counts.added, updated: counts.updated, unchanged: counts.unchanged, total };
              await recordAudit(tx, { userId: principal.userId, action: "api.import", detail: { tokenId: principal.tokenId, ...result }, ip: clientIpFrom(request.headers) });
            },
          }),
        ).catch((err: unknown) => {
          throw capProblems(err);
        });
        return { status: 200, body: result! };
      });
    }, { work: "sync" }),

    // GET /api/v1/history — the token owner's whole history as a history-v1 document
    GET: apiHandler(getDb, async ({ db, principal }) => Response.json(await exportHistory(db, { userId: principal.userId })), { work: "export" }),
  };
}

/** A document of 100,000 bad events would otherwise answer (and store for replay) megabytes of problems. */
export const MAX_PROBLEMS = 1000;

function capProblems(err: unknown): unknown {
  if (!isAppError(err) || !err.problems || err.problems.length <= MAX_PROBLEMS) return err;
  const more = err.problems.length - MAX_PROBLEMS;
  return new AppError(err.code, err.message, {
    problems: [...err.problems.slice(0, MAX_PROBLEMS), `… and ${more} more problem(s)`],
    headers: err.headers,
  });
}
