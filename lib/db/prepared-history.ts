/**
 * The CPU-heavy half of an import as a pure function of the document: UTF-8 and JSON (from bytes),
 * validation, rows with their hashes and derived ids, and the rows as text ready for the database.
 * For a 100,000-event sync that is about a second of CPU, so large documents are prepared in the
 * worker pool (lib/workers) and the request thread only writes the result (lib/data/history.ts).
 * The result is a few strings and numbers, cheap to pass between threads, not 100,000 objects to
 * clone; failures are returned as plain data (an AppError does not survive the trip).
 */
import { randomUUID } from "node:crypto";
import { parseJsonBytes } from "@/lib/errors";
import { parseHistory } from "@/lib/history/parse";
import type { Borrower } from "@/lib/history/schema";
import { toEventRows, type EventRow } from "./history-rows";

/**
 * "copy": text for PostgreSQL's COPY (one line per row, the Event table's columns, see
 * COPY_COLUMNS). "json": one JSON array per batch of rows, for the upsert through jsonb on the
 * embedded database, which has no COPY FROM STDIN through Prisma.
 */
export type PreparedFormat = "copy" | "json";

export type PreparedHistory = {
  borrower: Borrower;
  /** Events in the document. */
  total: number;
  /** Each row's eventId, in document order, joined by NUL (which no stored text may contain). */
  ids: string;
  /** Each row's sha256 (64 hex characters), in document order, concatenated. */
  hashes: string;
  /** "copy": every row as a COPY text line, each ending in "\n", in document order. */
  copy?: string;
  /** "json": the rows in batches of BATCH_ROWS, each a JSON array (the upsert's one parameter). */
  batches?: string[];
};

export type PrepareFailure = { ok: false; code: "invalid_json" | "validation_failed"; message: string; problems?: string[] };
export type PrepareResult = { ok: true; prepared: PreparedHistory } | PrepareFailure;

export type PrepareOptions = {
  userId: string;
  format: PreparedFormat;
  source?: string;
  /** The validation clock (no event more than a day after it). */
  now?: Date;
  /** createdAt/updatedAt of the rows COPY writes (default: when prepared). */
  writtenAt?: Date;
  batchRows?: number;
};

/**
 * Rows per "json" batch: small enough that one statement on the embedded database (which runs on
 * the request thread) holds it for tens of milliseconds, not hundreds, so other requests are
 * answered between batches; one jsonb parameter each, so no bind-parameter limit applies.
 */
export const BATCH_ROWS = 2_000;

/** The Event columns of each COPY line, in order. */
export const COPY_COLUMNS = `"id", "userId", "eventId", "idDerived", "type", "day", "value", "payload", "hash", "createdAt", "updatedAt"`;

/** Validates a document (already parsed from JSON, or its bytes) and builds its rows as text. */
export function prepareHistory(input: Uint8Array | unknown, options: PrepareOptions): PrepareResult {
  let value = input;
  if (input instanceof Uint8Array) {
    const json = parseJsonBytes(input);
    if (!json.ok) return { ok: false, code: "invalid_json", message: json.message };
    value = json.value;
  }
  const parsed = parseHistory(value, { now: options.now });
  if (!parsed.ok) {
    return { ok: false, code: "validation_failed", message: `The history document is invalid (${parsed.problems.length} problem(s)); nothing was stored.`, problems: parsed.problems };
  }
  const rows = toEventRows(parsed.document.events, { source: options.source });
  const prepared: PreparedHistory = {
    borrower: parsed.document.borrower,
    total: rows.length,
    ids: rows.map((r) => r.eventId).join("\u0000"),
    hashes: rows.map((r) => r.hash).join(""),
  };
  if (options.format === "copy") prepared.copy = copyText(rows, options.userId, (options.writtenAt ?? new Date()).toISOString());
  else prepared.batches = jsonBatches(rows, options.batchRows ?? BATCH_ROWS);
  return { ok: true, prepared };
}

/** COPY text format: backslash, newline, carriage return and tab escaped; `\N` is NULL. */
function copyEscape(v: string): string {
  return /[\\\n\r\t]/.test(v) ? v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t") : v;
}

function copyText(rows: EventRow[], userId: string, at: string): string {
  const user = copyEscape(userId);
  const parts: string[] = [];
  for (const r of rows) {
    // id: a random UUID, as the upsert's gen_random_uuid() gives; the table's ids are opaque.
    parts.push(
      `${randomUUID()}\t${user}\t${copyEscape(r.eventId)}\t${r.idDerived ? "t" : "f"}\t${r.type}\t${r.day}\t${r.value ?? "\\N"}\t${copyEscape(JSON.stringify(r.payload))}\t${r.hash}\t${at}\t${at}\n`,
    );
  }
  return parts.join("");
}

function jsonBatches(rows: EventRow[], size: number): string[] {
  const batches: string[] = [];
  for (let i = 0; i < rows.length; i += size) {
    batches.push(
      JSON.stringify(rows.slice(i, i + size).map((r) => ({ eventId: r.eventId, idDerived: r.idDerived, type: r.type, day: r.day, value: r.value, payload: r.payload, hash: r.hash }))),
    );
  }
  return batches;
}

/** The worker task's payload (lib/workers/tasks.ts "history.prepare"). */
export type PrepareTaskPayload = { input: Uint8Array | unknown; options: PrepareOptions };
