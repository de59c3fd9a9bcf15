/**
 * The two halves of an import: preparing a document (lib/db/prepared-history.ts: in the worker
 * pool when it is large) and writing the prepared rows in one transaction at bulk speed: new rows
 * by COPY straight into "Event", changed ones by COPY into a temporary table and one UPDATE,
 * unchanged ones not at all. The same on PostgreSQL and PGlite (lib/db/pg-sessions.ts reaches
 * the transaction's own session for COPY). The request thread yields while rows are sorted, so
 * other borrowers' requests are answered while a big import is written.
 * No "server-only": the benches (tsx) run the same code as the app.
 */
import { MessageChannel } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { bulkSessionOf, type BulkSession } from "@/lib/db/pg-sessions";
import { COPY_COLUMNS, prepareHistory, type PrepareOptions, type PrepareResult, type PreparedHistory, type RowBatch } from "@/lib/db/prepared-history";
import { receivePrepared } from "@/lib/db/prepared-stream";
import { run } from "@/lib/workers/pool";
import type { ImportCounts, ImportOptions } from "./history";

/**
 * Below these sizes a document is prepared on the calling thread: there it costs less than the
 * pool's round trip (measured 2026-12-01 with a warm pool: ~1.5 ms a round trip plus the copy of
 * the payload, against ~2 ms to prepare 100 events here; 64 KB of JSON or 500 events take
 * 10–15 ms, past which the request thread would be held noticeably).
 */
export const IN_THREAD_MAX_BYTES = 64 * 1024;
export const IN_THREAD_MAX_EVENTS = 500;

/**
 * Validates and prepares a document or its bytes, in the worker pool unless it is small. Failures
 * come back as data (preparedOrThrow turns them into the AppError), so a caller can decide what
 * to do before anything is claimed (the sync API answers bad JSON before taking its key). From
 * the pool, this resolves as soon as the document is checked: its rows follow as batches while
 * the caller opens its transaction and writes them.
 */
export async function prepareImport(input: Uint8Array | unknown, options: { userId: string; source?: string; now?: Date }): Promise<PrepareResult> {
  const prepareOptions: PrepareOptions = { userId: options.userId, source: options.source, now: options.now };
  if (isSmall(input)) return prepareHistory(input, prepareOptions);
  const { port1, port2 } = new MessageChannel();
  const received = await receivePrepared(port1, run("history.prepare", { input, options: prepareOptions, port: port2 }, { transferList: [port2] }));
  return received.ok ? { ok: true, prepared: { userId: options.userId, borrower: received.borrower, total: received.total, batches: received.batches, release: received.release } } : received;
}

function isSmall(input: unknown): boolean {
  if (input instanceof Uint8Array) return input.byteLength <= IN_THREAD_MAX_BYTES;
  const events = (input as { events?: unknown } | null)?.events;
  return !Array.isArray(events) || events.length <= IN_THREAD_MAX_EVENTS;
}

/** The AppError a failed preparation stands for (it crossed a thread as plain data). */
export function preparedOrThrow(result: PrepareResult): PreparedHistory {
  if (result.ok) return result.prepared;
  throw new AppError(result.code, result.message, result.problems ? { problems: result.problems } : {});
}

/**
 * Writes a prepared document in one transaction: the borrower block, the events, then
 * `alsoInTransaction` (mapping, audit row). The first statement updates the user's row, which
 * holds its lock to the commit: two imports of one borrower run one after the other, so the
 * second sees every row the first wrote and neither can deadlock on the other's event rows.
 */
export async function writePreparedHistory(db: PrismaClient, options: { userId: string } & ImportOptions, prepared: PreparedHistory): Promise<ImportCounts> {
  try {
    return await writeInTransaction(db, options, await gatheredIfMerging(db, options.userId, prepared));
  } finally {
    // Done or failed: a worker still building this document's batches stops.
    prepared.release?.();
  }
}

/**
 * A write onto stored events compares every row with the stored hashes before it sends any, so it
 * needs all the batches: they are taken from the worker here, before the transaction opens,
 * rather than inside it, where the transaction would wait on the worker (2.2 s of 11 s for a
 * 100,000-event sync onto 100,000 in the neighbour bench on PGlite, whose every other query
 * waits for an open transaction). A first import streams its batches into its COPY instead. The
 * look is only a hint: writeRows decides again under the user's lock, and handles either form.
 */
async function gatheredIfMerging(db: PrismaClient, userId: string, prepared: PreparedHistory): Promise<PreparedHistory> {
  if (Array.isArray(prepared.batches) || prepared.total === 0) return prepared;
  const stored = await db.event.findFirst({ where: { userId }, select: { eventId: true } });
  if (!stored) return prepared;
  return { ...prepared, batches: await allBatches(prepared.batches) };
}

/** Every batch, taken from the worker if they still stream (an array is returned as it is). */
async function allBatches(batches: PreparedHistory["batches"]): Promise<RowBatch[]> {
  if (Array.isArray(batches)) return batches;
  const all: RowBatch[] = [];
  for await (const batch of batches) all.push(batch);
  return all;
}

async function writeInTransaction(db: PrismaClient, options: { userId: string } & ImportOptions, prepared: PreparedHistory): Promise<ImportCounts> {
  const { userId } = options;
  const { borrower } = prepared;
  return db.$transaction(
    async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: userId },
        data: {
          currency: borrower.currency,
          product: borrower.product,
          scoreMin: borrower.scoreScale.min,
          scoreMax: borrower.scoreScale.max,
          // Always, even for a no-op re-sync: the borrower block may have changed, and one
          // recompute of the cached explanation (lib/data/explanation-cache.ts) is cheap.
          historyVersion: { increment: 1 },
        },
      });
      if (count === 0) throw new AppError("not_found", "No such user.");
      const session = await bulkSessionOf(tx);
      if (!session) throw new Error("The import's transaction has no reachable database session for COPY (a client not built by lib/db/client.ts?).");
      const written = await writeRows(session, userId, prepared);
      const counts = { ...written, unchanged: prepared.total - written.added - written.updated };
      await options.alsoInTransaction?.(tx, counts);
      return counts;
    },
    // 100,000 events take seconds, far beyond Prisma's 5 s default for interactive transactions.
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Rows handled on the request thread between two yields (a few milliseconds of work). */
const YIELD_EVERY = 10_000;

/**
 * The user's stored hash of each incoming id tells new rows (COPY into "Event", as fast as the
 * table takes rows), changed ones (COPY into a temporary table, then one UPDATE) and unchanged
 * ones (nothing). The user's row lock (above) keeps the stored hashes true until commit. A
 * borrower with no stored events (a first sync) needs no comparison: the batches go into one COPY
 * as the worker sends them.
 */
async function writeRows(session: BulkSession, userId: string, prepared: PreparedHistory): Promise<{ added: number; updated: number }> {
  // Every COPY line carries the user it was prepared for: it must be this transaction's user.
  if (prepared.userId !== userId) throw new Error("The prepared rows belong to another user than the one being written.");
  if (prepared.total === 0) return { added: 0, updated: 0 };
  const held = await storedCount(session, userId);
  if (held === 0) {
    let added = 0;
    await copyEvents(session, texts(prepared.batches, (b) => (added += b.rows)));
    if (added !== prepared.total) throw new Error(`The prepared document had ${prepared.total} events but ${added} rows arrived.`);
    return { added, updated: 0 };
  }
  const batches = await allBatches(prepared.batches);
  const stored = await storedHashes(session, userId, held, batches);
  const fresh: Uint8Array[] = [];
  const changed: Uint8Array[] = [];
  let seen = 0;
  let added = 0;
  let updating = 0;
  for (const batch of batches) {
    const ids = batch.ids.split("\u0000");
    const freshLines: Uint8Array[] = [];
    const changedLines: Uint8Array[] = [];
    let at = 0;
    for (let i = 0; i < batch.rows; i++) {
      const end = batch.text.indexOf(10, at) + 1;
      const hash = stored.get(ids[i]!);
      if (hash === undefined) freshLines.push(batch.text.subarray(at, end));
      else if (hash !== batch.hashes.slice(i * 64, i * 64 + 64)) changedLines.push(batch.text.subarray(at, end));
      at = end;
      // Other borrowers' requests get the thread between slices of a big document.
      if (++seen % YIELD_EVERY === 0) await yieldToOthers();
    }
    // One chunk a batch: COPY is fed a few hundred kilobytes at a time, not one line at a time.
    if (freshLines.length) fresh.push(Buffer.concat(freshLines));
    if (changedLines.length) changed.push(Buffer.concat(changedLines));
    added += freshLines.length;
    updating += changedLines.length;
  }
  if (added) await copyEvents(session, fresh);
  if (updating === 0) return { added, updated: 0 };
  await session.query(`CREATE TEMP TABLE "EventIncoming" (LIKE "Event") ON COMMIT DROP`);
  await session.copy(`"EventIncoming"`, COPY_COLUMNS, changed);
  const { rowCount } = await session.query(
    `UPDATE "Event" e SET "idDerived" = i."idDerived", "type" = i."type", "day" = i."day", "value" = i."value",
       "payload" = i."payload", "hash" = i."hash", "updatedAt" = now()
     FROM "EventIncoming" i WHERE e."userId" = $1 AND e."eventId" = i."eventId"`,
    [userId],
  );
  await session.query(`DROP TABLE "EventIncoming"`);
  return { added, updated: rowCount };
}

/**
 * COPY new rows into "Event" without its foreign key's per-row check, which is redundant here and
 * was the largest single cost of the server's COPY (measured 2026-12-01: 0.7–0.9 s of 2.3–2.9 s
 * for 100,000 rows; PGlite pays it in WASM on the request thread). The check would prove each
 * row's "userId" names a user who stays until commit; writeRows asserts every line carries this
 * transaction's user, and the transaction's first statement updated that user's row (count 1),
 * whose lock a DELETE of the user waits for until we commit. `session_replication_role = replica`
 * skips the table's ordinary triggers, of which "Event" has only the foreign key's (a test keeps
 * it so); it is set for this COPY alone and only where the role may set it (a superuser, or
 * `GRANT SET ON PARAMETER`): elsewhere the COPY runs with the check, which changes its speed only.
 */
async function copyEvents(session: BulkSession, chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<void> {
  const skipped = await skipRowTriggers(session);
  await session.copy(`"Event"`, COPY_COLUMNS, chunks);
  if (skipped) await session.query(`SET LOCAL session_replication_role = origin`);
}

/** True when the transaction now skips ordinary triggers; a role that may not set it is no error. */
async function skipRowTriggers(session: BulkSession): Promise<boolean> {
  await session.query(`SAVEPOINT event_copy`);
  try {
    await session.query(`SET LOCAL session_replication_role = replica`);
    await session.query(`RELEASE SAVEPOINT event_copy`);
    return true;
  } catch {
    await session.query(`ROLLBACK TO SAVEPOINT event_copy`);
    return false;
  }
}

/** The batches' texts, counting each batch's rows on the way. */
async function* texts(batches: PreparedHistory["batches"], count: (b: RowBatch) => void): AsyncGenerator<Uint8Array> {
  for await (const b of batches) {
    count(b);
    yield b.text;
  }
}

async function storedCount(session: BulkSession, userId: string): Promise<number> {
  const { rows } = await session.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Event" WHERE "userId" = $1`, [userId]);
  return rows[0]?.n ?? 0;
}

/**
 * The stored hash of each of the document's ids the user already has (none: a first import).
 * When the user holds not much more than the document, reading all their rows is about three
 * times cheaper than probing the index for each id (measured: 100,000 ids, 0.3 s against 0.9 s).
 */
async function storedHashes(session: BulkSession, userId: string, held: number, batches: RowBatch[]): Promise<Map<string, string>> {
  const ids = batches.flatMap((b) => b.ids.split("\u0000"));
  const { rows } =
    held <= 2 * ids.length
      ? await session.query<{ eventId: string; hash: string }>(`SELECT "eventId", "hash" FROM "Event" WHERE "userId" = $1`, [userId])
      : await session.query<{ eventId: string; hash: string }>(`SELECT "eventId", "hash" FROM "Event" WHERE "userId" = $1 AND "eventId" = ANY($2::text[])`, [userId, ids]);
  const stored = new Map<string, string>();
  for (let i = 0; i < rows.length; i++) {
    stored.set(rows[i]!.eventId, rows[i]!.hash);
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToOthers();
  }
  return stored;
}
