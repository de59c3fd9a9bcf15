/**
 * A borrower's history-v1 events in the Event table: every function is scoped by userId, and
 * `db` is passed in so tests and scripts choose the database. This module carries no
 * "server-only": the seed script and the benchmarks (run by tsx, which cannot resolve that
 * guard) share the exact same functions as the app.
 */
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { HistoryDocument, HistoryDocumentInput, HistoryEvent } from "@/lib/history/schema";
import { HISTORY_FORMAT } from "@/lib/history/schema";
import { exportedEvent, loadedEvent } from "@/lib/db/history-rows";
import { prepareImport, preparedOrThrow, writePreparedHistory } from "@/lib/data/history-write";

export type ImportCounts = { added: number; updated: number; unchanged: number };
export type ImportOptions = {
  source?: string;
  now?: Date;
  /** More writes of the same import (its saved mapping, its audit row), in the same transaction. */
  alsoInTransaction?: (tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0], counts: ImportCounts) => Promise<void>;
};

/**
 * Merges a history document into the user's events, in one transaction: new ids are added, known
 * ids with different content updated, identical ones left alone; events without an id get one
 * derived from their content. Also stores the borrower block. The document is (re)validated
 * here (AppError `validation_failed` with every problem), so an invalid one stores nothing
 * whoever calls. Large documents are validated and prepared in the worker pool.
 */
export async function importHistory(
  db: PrismaClient,
  options: { userId: string; document: HistoryDocumentInput | HistoryDocument | unknown } & ImportOptions,
): Promise<ImportCounts> {
  return writePreparedHistory(db, options, preparedOrThrow(await prepareImport(options.document, options)));
}

export { prepareImport, preparedOrThrow, writePreparedHistory };

/** The borrower block of the user's history; AppError not_found for no such user. */
export async function readBorrower(db: PrismaClient, userId: string): Promise<HistoryDocument["borrower"]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { currency: true, product: true, scoreMin: true, scoreMax: true } });
  if (!user) throw new AppError("not_found", "No such user.");
  return { currency: user.currency, product: user.product, scoreScale: { min: user.scoreMin, max: user.scoreMax } };
}

async function readDocument(
  db: PrismaClient,
  userId: string,
  toEvent: (row: { eventId: string; idDerived: boolean; payload: unknown }) => HistoryEvent,
): Promise<HistoryDocument> {
  const borrower = await readBorrower(db, userId);
  // Raw SQL: for thousands of rows Prisma's findMany costs ~3x the query itself (row mapping).
  // "type" is an enum: it sorts in declaration order, the spec's tie-break order, as the core does.
  const rows = await db.$queryRaw<{ eventId: string; idDerived: boolean; payload: unknown }[]>`
    SELECT "eventId", "idDerived", "payload" FROM "Event" WHERE "userId" = ${userId} ORDER BY "day", "type", "eventId"`;
  return {
    format: HISTORY_FORMAT,
    version: 1,
    borrower,
    events: rows.map(toEvent),
  };
}

/**
 * What the user imported, derived ids left out: importing it again changes nothing. As objects,
 * decoded here: the tests' reference for the text that downloads and the sync API's GET serve
 * (readHistoryText's "exported" form, lib/data/history-text.ts); no request path calls it.
 */
export function exportHistory(db: PrismaClient, { userId }: { userId: string }): Promise<HistoryDocument> {
  return readDocument(db, userId, exportedEvent);
}

/** The history for the rule core: every event carries an id (derived ones included), ordered by day. */
export function loadHistory(db: PrismaClient, { userId }: { userId: string }): Promise<HistoryDocument> {
  return readDocument(db, userId, loadedEvent);
}

