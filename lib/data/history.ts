import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  exportHistoryDocument,
  importHistoryDocument,
  listObservationRows,
  loadHistoryDocument,
  type ImportCounts,
  type ImportOptions,
  type Observation,
} from "@/lib/db/history-store";
import type { HistoryDocument, HistoryDocumentInput } from "@/lib/history/schema";

/*
 * A borrower's history-v1 events. The queries live in lib/db/history-store.ts (shared with the
 * seed script, which cannot import "server-only"); this is the app's entry point to them.
 * Every function is scoped by userId; `db` is passed in so tests and scripts choose the database.
 */

export type { ImportCounts, ImportOptions, Observation };

/**
 * Merges a history document (validated again here; AppError `validation_failed` with `problems`
 * if invalid, and then nothing is stored) into the user's events in one transaction.
 * Ids already stored are updated when the content differs and left alone when it is the same;
 * events without an id get one derived from their content. Also stores the borrower block.
 */
export function importHistory(
  db: PrismaClient,
  userId: string,
  document: HistoryDocument | HistoryDocumentInput | unknown,
  options: ImportOptions = {},
): Promise<ImportCounts> {
  return importHistoryDocument(db, userId, document, options);
}

/** Exactly what was imported (derived ids left out), so export → import is a no-op. */
export function exportHistory(db: PrismaClient, userId: string): Promise<HistoryDocument> {
  return exportHistoryDocument(db, userId);
}

/** The document the rule core reads: every event has an id, ordered by day, type order, id. */
export function loadHistory(db: PrismaClient, userId: string): Promise<HistoryDocument> {
  return loadHistoryDocument(db, userId);
}

/** Limit and score observations ordered by day, for the dashboard's charts. */
export function listObservations(db: PrismaClient, userId: string): Promise<Observation[]> {
  return listObservationRows(db, userId);
}
