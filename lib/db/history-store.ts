/**
 * Writing and reading a borrower's history in the Event table. lib/data/history.ts is what the
 * app calls; this module carries no "server-only" so the seed script (run by tsx, which cannot
 * resolve that guard) shares the exact same import path.
 */
import { AppError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { parseHistory } from "@/lib/history/parse";
import type { HistoryDocument, HistoryDocumentInput, HistoryEvent } from "@/lib/history/schema";
import { HISTORY_FORMAT } from "@/lib/history/schema";
import { exportedEvent, loadedEvent, toEventRows, type EventRow } from "./history-rows";

export type ImportCounts = { added: number; updated: number; unchanged: number };
export type ImportOptions = {
  source?: string;
  now?: Date;
  /**
   * What else the business operation writes (its audit row, a remembered mapping), run inside the
   * import's transaction after the events: if it fails, the events are rolled back with it, so a
   * borrower told "nothing was saved" can trust it.
   */
  alsoWrite?: (tx: Prisma.TransactionClient, counts: ImportCounts) => Promise<void>;
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
 * ids with different content updated, identical ones left alone. Also stores the borrower block.
 * The document is (re)validated here, so an invalid one stores nothing whoever calls.
 */
export async function importHistoryDocument(
  db: PrismaClient,
  userId: string,
  input: HistoryDocumentInput | HistoryDocument | unknown,
  options: ImportOptions = {},
): Promise<ImportCounts> {
  const doc = validHistory(input, options.now);
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
      const result = { added, updated, unchanged: rows.length - added - updated };
      await options.alsoWrite?.(tx, result);
      return result;
    },
    // 100,000 events take seconds, far beyond Prisma's 5 s default for interactive transactions.
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return counts;
}

function sqlRow(row: EventRow) {
  return { eventId: row.eventId, idDerived: row.idDerived, type: row.type, day: row.day, value: row.value, payload: row.payload, hash: row.hash };
}

// Enum order is the spec's tie-break order, so ordering by "type" orders as the core does.
const ORDER = [{ day: "asc" }, { type: "asc" }, { eventId: "asc" }] as const;

async function readDocument(
  db: PrismaClient,
  userId: string,
  toEvent: (row: { eventId: string; idDerived: boolean; payload: unknown }) => HistoryEvent,
): Promise<HistoryDocument> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { currency: true, product: true, scoreMin: true, scoreMax: true } });
  if (!user) throw new AppError("not_found", "No such user.");
  // Raw SQL: for thousands of rows Prisma's findMany costs ~3x the query itself (row mapping).
  // Same order as ORDER below: "type" is an enum, so it sorts in declaration (tie-break) order.
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
export function exportHistoryDocument(db: PrismaClient, userId: string): Promise<HistoryDocument> {
  return readDocument(db, userId, exportedEvent);
}

/** The history for the rule core: every event carries an id (derived ones included), ordered by day. */
export function loadHistoryDocument(db: PrismaClient, userId: string): Promise<HistoryDocument> {
  return readDocument(db, userId, loadedEvent);
}

export type Observation = { day: string; type: "limit" | "score"; value: number; eventId: string };

/** Limit and score observations for the dashboard's charts, by day (limit after score on one day). */
export async function listObservationRows(db: PrismaClient, userId: string): Promise<Observation[]> {
  const rows = await db.event.findMany({
    where: { userId, type: { in: ["limit", "score"] } },
    select: { day: true, type: true, value: true, eventId: true },
    orderBy: [...ORDER],
  });
  return rows.map((r) => ({
    day: r.day.toISOString().slice(0, 10),
    type: r.type as "limit" | "score",
    value: Number(r.value),
    eventId: r.eventId,
  }));
}
