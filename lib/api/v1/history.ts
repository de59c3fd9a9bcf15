import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { prepareImport, preparedOrThrow, writePreparedHistory } from "@/lib/data/history";
import { AppError, isAppError, MAX_BODY_BYTES, readBodyBytes } from "@/lib/errors";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { apiHandler } from "@/lib/auth/guards";
import { withSignalWatch } from "@/lib/reminders/signal-watch";
import { withIdempotency } from "../idempotency";
import type { ImportResult } from "../schemas";
import { recordAudit } from "@/lib/data/audit";
import { readHistoryText } from "@/lib/data/history-text";

/** The sync API's history endpoints, bound to a Prisma client (the app's `db`, or a test database). */
export function historyHandlers(getDb: () => PrismaClient) {
  return {
    // POST /api/v1/history — merge a history-v1 document into the token owner's history
    POST: apiHandler(getDb, async ({ db, request, principal }) => {
      const userId = principal.userId;
      // The request thread only reads the bytes: UTF-8, JSON, validation and the rows are worked
      // out in the worker pool (small bodies in-thread). A body that is not JSON (400) or too big
      // (413) is answered before the idempotency key is claimed, so it never holds one.
      const bytes = await readBodyBytes(request, MAX_BODY_BYTES, `The request body must be at most ${MAX_BODY_BYTES} bytes.`);
      const prepared = await prepareImport(bytes, { userId });
      if (!prepared.ok && prepared.code === "invalid_json") throw new AppError("invalid_json", prepared.message);
      const scope = { scope: principal.tokenId, userId, tokenId: principal.tokenId };
      // A replayed key answers without writing: the worker still building the rows then stops.
      const release = () => prepared.ok && prepared.prepared.release?.();
      return withIdempotency(db, request, scope, bytes, async () => {
        // An invalid document answers 422 with every problem (stored for the key like any answer);
        // nothing is written.
        let result: ImportResult | undefined;
        // The events and their audit row commit together: the activity log never misses an import.
        await withSignalWatch(db, userId, async () =>
          writePreparedHistory(db, {
            userId,
            alsoInTransaction: async (tx, counts) => {
              const total = await tx.event.count({ where: { userId } });
              result = { added: counts.added, updated: counts.updated, unchanged: counts.unchanged, total };
              await recordAudit(tx, { userId, action: "api.import", detail: { tokenId: principal.tokenId, ...result }, ip: clientIpFrom(request.headers) });
            },
          }, preparedOrThrow(prepared)),
        ).catch((err: unknown) => {
          throw capProblems(err);
        });
        return { status: 200, body: result! };
      }).finally(release);
    }, { work: "sync" }),

    // GET /api/v1/history — the token owner's whole history as a history-v1 document, as the
    // database writes it in slices: 100,000 events are never decoded into objects on this thread.
    GET: apiHandler(getDb, async ({ db, principal }) => {
      const { json } = await readHistoryText(db, { userId: principal.userId, form: "exported" });
      return new Response(json, { headers: { "content-type": "application/json" } });
    }, { work: "export" }),
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
