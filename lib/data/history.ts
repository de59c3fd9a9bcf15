/**
 * A borrower's history-v1 events in the Event table: every function is scoped by userId, and
 * `db` is passed in so tests and scripts choose the database. This module carries no
 * "server-only": the seed script and the benchmarks (run by tsx, which cannot resolve that
 * guard) share the exact same functions as the app.
 */
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseHistory } from "@/lib/history/parse";
import type { HistoryDocument, HistoryDocumentInput, HistoryEvent } from "@/lib/history/schema";
import { HISTORY_FORMAT } from "@/lib/history/schema";
import { exportedEvent, loadedEvent, toEventRows, type EventRow } from "@/lib/db/history-rows";

export type ImportCounts = { added: number; updated: number; unchanged: number };
export type ImportOptions = {
  source?: string;
  now?: Date;
  /** More writes of the same import (its saved mapping, its audit row), in the same transaction. */
  alsoInTransaction?: (tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0], counts: ImportCounts) => Promise<void>;
};

/** Rows per INSERT statement: one JSON parameter each, so no bind-parameter limit applies. */
const CHUNK = 5_000;

/*
 * One statement per chunk: the rows travel as a single jsonb parameter (identical on PGlite and
 * node-postgres, no 65,535-parameter ceiling). ON CONFLICT makes concurrent imports of the same
 * events safe. Unchanged rows are filtered out before the insert (a re-sync of mostly known
 * events then costs one index probe per event, not a conflict and a row lock each), and the
 * conflict's WHERE keeps a row another import just wrote identically untouched;
 * `xmax = 0` tells an inserted row from an updated one. Rows are sorted by eventId so two
 * overlapping imports lock rows in the same order and cannot deadlock.
 */
const UPSERT_SQL = `
WITH written AS (
  INSERT INTO "Event" ("id", "userId", "eventId", "idDerived", "type", "day", "value", "payload", "hash", "updatedAt")
  SELECT gen_random_uuid()::text, $2, r."eventId", r."idDerived", r."type"::"EventType", r."day"::date, r."value", r."payload", r."hash", now()
  FROM jsonb_to_recordset($1::jsonb) AS r("eventId" text, "idDerived" boolean, "type" text, "day" text, "value" numeric, "payload" jsonb, "hash" text)
  WHERE NOT EXISTS (SELECT 1 FROM "Event" e WHERE e."userId" = $2 AND e."eventId" = r."eventId" AND e."hash" = r."hash")
  ORDER BY r."eventId"
  ON CONFLICT ("userId", "eventId") DO UPDATE SET
    "idDerived" = EXCLUDED."idDerived", "type" = EXCLUDED."type", "day" = EXCLUDED."day", "value" = EXCLUDED."value",
    "payload" = EXCLUDED."payload", "hash" = EXCLUDED."hash", "updatedAt" = now()
  WHERE "Event"."hash" IS DISTINCT FROM EXCLUDED."hash"
  RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted)::int AS added, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`;

/** Validates or throws `validation_failed` with every problem listed by JSON path. */
export function validHistory(input: HistoryDocumentInput | HistoryDocument | unknown, now?: Date): HistoryDocument {
  const parsed = parseHistory(input, { now });
  if (!parsed.ok) {
    throw new AppError("validation_failed", `The history document is invalid (${parsed.problems.length} problem(s)); nothing was stored.`, {
      problems: parsed.problems,
    });
  }
  return parsed.document;
}

/**
 * Merges a history document into the user's events, in one transaction: new ids are added, known
 * ids with different content updated, identical ones left alone; events without an id get one
 * derived from their content. Also stores the borrower block. The document is (re)validated
 * here (AppError `validation_failed` with every problem), so an invalid one stores nothing
 * whoever calls.
 */
export async function importHistory(
  db: PrismaClient,
  options: { userId: string; document: HistoryDocumentInput | HistoryDocument | unknown } & ImportOptions,
): Promise<ImportCounts> {
  const { userId } = options;
  const doc = validHistory(options.document, options.now);
  const rows = toEventRows(doc.events, { source: options.source });
  const counts = await db.$transaction(
    async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: userId },
        data: {
          currency: doc.borrower.currency,
          product: doc.borrower.product,
          scoreMin: doc.borrower.scoreScale.min,
          scoreMax: doc.borrower.scoreScale.max,
          // Always, even for a no-op re-sync: the borrower block may have changed, and one
          // recompute of the cached explanation (lib/data/explanation-cache.ts) is cheap.
          historyVersion: { increment: 1 },
        },
      });
      if (count === 0) throw new AppError("not_found", "No such user.");
      let added = 0;
      let updated = 0;
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK).map(sqlRow);
        const [res] = await tx.$queryRawUnsafe<{ added: number; updated: number }[]>(UPSERT_SQL, JSON.stringify(chunk), userId);
        added += res?.added ?? 0;
        updated += res?.updated ?? 0;
      }
      await options.alsoInTransaction?.(tx, { added, updated, unchanged: rows.length - added - updated });
      return { added, updated };
    },
    // 100,000 events take seconds, far beyond Prisma's 5 s default for interactive transactions.
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return { ...counts, unchanged: rows.length - counts.added - counts.updated };
}

function sqlRow(row: EventRow) {
  return { eventId: row.eventId, idDerived: row.idDerived, type: row.type, day: row.day, value: row.value, payload: row.payload, hash: row.hash };
}

async function readDocument(
  db: PrismaClient,
  userId: string,
  toEvent: (row: { eventId: string; idDerived: boolean; payload: unknown }) => HistoryEvent,
): Promise<HistoryDocument> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { currency: true, product: true, scoreMin: true, scoreMax: true } });
  if (!user) throw new AppError("not_found", "No such user.");
  // Raw SQL: for thousands of rows Prisma's findMany costs ~3x the query itself (row mapping).
  // "type" is an enum: it sorts in declaration order, the spec's tie-break order, as the core does.
  const rows = await db.$queryRaw<{ eventId: string; idDerived: boolean; payload: unknown }[]>`
    SELECT "eventId", "idDerived", "payload" FROM "Event" WHERE "userId" = ${userId} ORDER BY "day", "type", "eventId"`;
  return {
    format: HISTORY_FORMAT,
    version: 1,
    borrower: { currency: user.currency, product: user.product, scoreScale: { min: user.scoreMin, max: user.scoreMax } },
    events: rows.map(toEvent),
  };
}

/** What the user imported, derived ids left out: importing it again changes nothing. */
export function exportHistory(db: PrismaClient, { userId }: { userId: string }): Promise<HistoryDocument> {
  return readDocument(db, userId, exportedEvent);
}

/** The history for the rule core: every event carries an id (derived ones included), ordered by day. */
export function loadHistory(db: PrismaClient, { userId }: { userId: string }): Promise<HistoryDocument> {
  return readDocument(db, userId, loadedEvent);
}

