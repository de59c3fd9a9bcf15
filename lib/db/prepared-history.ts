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
import type { Borrower, HistoryDocument } from "@/lib/history/schema";
import { toEventRows, type EventRow } from "./history-rows";

export type PreparedHistory = {
  borrower: Borrower;
  /** Events in the document. */
  total: number;
  /** Each row's eventId, in document order, joined by NUL (which no stored text may contain). */
  ids: string;
  /** Each row's sha256 (64 hex characters), in document order, concatenated. */
  hashes: string;
  /** Every row as a line of COPY text (the Event table's COPY_COLUMNS), each ending in "\n", in document order. */
  copy: string;
};

export type PrepareFailure = { ok: false; code: "invalid_json" | "validation_failed"; message: string; problems?: string[] };
export type PrepareResult = { ok: true; prepared: PreparedHistory } | PrepareFailure;

export type PrepareOptions = {
  userId: string;
  source?: string;
  /** The validation clock (no event more than a day after it). */
  now?: Date;
  /** createdAt/updatedAt of the rows COPY writes (default: when prepared). */
  writtenAt?: Date;
};

/** The Event columns of each COPY line, in order. */
export const COPY_COLUMNS = `"id", "userId", "eventId", "idDerived", "type", "day", "value", "payload", "hash", "createdAt", "updatedAt"`;

/** Validates a document (already parsed from JSON, or its bytes) and builds its rows as text. */
export function prepareHistory(input: Uint8Array | unknown, options: PrepareOptions): PrepareResult {
  const parsed = validate(input, options.now);
  if (!parsed.ok) return parsed;
  const rows = toEventRows(parsed.document.events, { source: options.source });
  const prepared: PreparedHistory = {
    borrower: parsed.document.borrower,
    total: rows.length,
    ids: rows.map((r) => r.eventId).join("\u0000"),
    hashes: rows.map((r) => r.hash).join(""),
    copy: copyText(rows, options.userId, (options.writtenAt ?? new Date()).toISOString()),
  };
  return { ok: true, prepared };
}

/**
 * JSON (from bytes) and the schema. A function of its own so the parsed JSON, which zod copies
 * into the document, can be collected before the rows are built (a 100,000-event sync's peak).
 */
function validate(input: Uint8Array | unknown, now: Date | undefined): { ok: true; document: HistoryDocument } | PrepareFailure {
  let value = input;
  if (input instanceof Uint8Array) {
    const json = parseJsonBytes(input);
    if (!json.ok) return { ok: false, code: "invalid_json", message: json.message };
    value = json.value;
  }
  const parsed = parseHistory(value, { now });
  if (!parsed.ok) {
    return { ok: false, code: "validation_failed", message: `The history document is invalid (${parsed.problems.length} problem(s)); nothing was stored.`, problems: parsed.problems };
  }
  return { ok: true, document: parsed.document };
}

/** COPY text format: backslash, newline, carriage return and tab escaped; `\N` is NULL. */
function copyEscape(v: string): string {
  return /[\\\n\r\t]/.test(v) ? v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t") : v;
}

/** Lines joined a few thousand at a time: one array of 100,000 lines would double the text's peak. */
function copyText(rows: EventRow[], userId: string, at: string): string {
  const user = copyEscape(userId);
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += 5_000) {
    let chunk = "";
    for (const r of rows.slice(i, i + 5_000)) {
      // id: a random UUID (the table's ids are opaque; Prisma's cuid() is only its client default).
      chunk += `${randomUUID()}\t${user}\t${copyEscape(r.eventId)}\t${r.idDerived ? "t" : "f"}\t${r.type}\t${r.day}\t${r.value ?? "\\N"}\t${copyEscape(JSON.stringify(r.payload))}\t${r.hash}\t${at}\t${at}\n`;
    }
    chunks.push(chunk);
  }
  return chunks.join("");
}

/** The worker task's payload (lib/workers/tasks.ts "history.prepare"). */
export type PrepareTaskPayload = { input: Uint8Array | unknown; options: PrepareOptions };
