/**
 * The CPU-heavy half of an import as a pure function of the document: UTF-8 and JSON (from bytes),
 * validation, rows with their hashes and derived ids, and the rows as COPY text ready for the
 * database. Large documents are prepared in the worker pool (lib/workers), which streams the rows
 * in batches while the request thread writes them (lib/data/history-write.ts): the write starts
 * with the first batch instead of after the last. A batch is a few strings and one transferred
 * buffer, cheap to pass between threads, not thousands of objects to clone; failures are plain
 * data (an AppError does not survive the trip).
 */
import { randomBytes } from "node:crypto";
import type { MessagePort } from "node:worker_threads";
import { parseJsonBytes } from "@/lib/errors";
import { parseHistory } from "@/lib/history/parse";
import { EVENT_TYPES, calendarDay, type Borrower, type HistoryDocument } from "@/lib/history/schema";
import { acceptHistory } from "./history-check";
import { eventValue, rowMaker } from "./history-rows";

/** Rows of one batch: also one PGlite COPY (lib/db/pg-sessions.ts), about 600 KB of text. */
export const BATCH_ROWS = 2_000;

/** Some rows as COPY text, with what the merge needs to tell new, changed and unchanged ones apart. */
export type RowBatch = {
  rows: number;
  /** The rows as UTF-8 COPY text (the Event table's COPY_COLUMNS), each line ending in "\n". */
  text: Uint8Array;
  /** Each row's eventId, in line order, joined by NUL (which no stored text may contain). */
  ids: string;
  /** Each row's sha256 (64 hex characters), in line order, concatenated. */
  hashes: string;
};

export type PreparedHistory = {
  /** The user every row was built for (each COPY line carries it). */
  userId: string;
  borrower: Borrower;
  /** Events in the document. */
  total: number;
  /** Every row once, ordered by type (the schema's order) and day; read once. */
  batches: Iterable<RowBatch> | AsyncIterable<RowBatch>;
  /** Stops the worker still building batches (a reader that is done, or will not read). */
  release?: () => void;
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

type Checked = { ok: true; document: HistoryDocument; days: string[] };

/**
 * JSON (from bytes) and the schema: the compiled check (lib/db/history-check.ts) first, zod when
 * it does not accept, so every problem is zod's and by JSON path.
 */
export function checkHistory(input: Uint8Array | unknown, now: Date | undefined): Checked | PrepareFailure {
  let value = input;
  if (input instanceof Uint8Array) {
    const json = parseJsonBytes(input);
    if (!json.ok) return { ok: false, code: "invalid_json", message: json.message };
    value = json.value;
  }
  const accepted = acceptHistory(value, now);
  if (accepted) return { ok: true, ...accepted };
  const parsed = parseHistory(value, { now });
  if (!parsed.ok) {
    return { ok: false, code: "validation_failed", message: `The history document is invalid (${parsed.problems.length} problem(s)); nothing was stored.`, problems: parsed.problems };
  }
  return { ok: true, document: parsed.document, days: parsed.document.events.map((e) => calendarDay(e.date)!) };
}

/** Validates a document (already parsed from JSON, or its bytes) and builds its rows, on this thread. */
export function prepareHistory(input: Uint8Array | unknown, options: PrepareOptions): PrepareResult {
  const checked = checkHistory(input, options.now);
  if (!checked.ok) return checked;
  return { ok: true, prepared: { userId: options.userId, borrower: checked.document.borrower, total: checked.document.events.length, batches: [...rowBatches(checked, options)] } };
}

const TYPE_RANK = new Map<string, number>(EVENT_TYPES.map((t, i) => [t, i]));

/**
 * Row order: by type (the enum's order in the database too), then day, then document order. A new
 * borrower's rows then arrive in the order of the ("userId", "type", "day") index and, with
 * ascending ids, of the primary key, so PostgreSQL appends to both instead of searching each
 * (measured: about a fifth less server CPU for 100,000 rows). The order of rows in one COPY
 * changes nothing stored.
 */
function rowOrder(checked: Checked): number[] {
  const { events } = checked.document;
  const { days } = checked;
  const buckets: number[][] = EVENT_TYPES.map(() => []);
  for (let i = 0; i < events.length; i++) buckets[TYPE_RANK.get(events[i]!.type)!]!.push(i);
  // Histories come mostly in date order, where the (stable) sort is nearly linear.
  for (const b of buckets) b.sort((a, z) => (days[a]! < days[z]! ? -1 : days[a]! > days[z]! ? 1 : a - z));
  return buckets.flat();
}

/** COPY text format: backslash, newline, carriage return and tab escaped; `\N` is NULL. */
function copyEscape(v: string): string {
  return /[\\\n\r\t]/.test(v) ? v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t") : v;
}

/**
 * Ascending UUID-shaped ids (the table's ids are opaque; Prisma's cuid() is only its client
 * default): 48 bits of milliseconds, 42 random bits, a 32-bit counter, so one import's rows
 * append to the primary key's last page and ids of two imports never meet.
 */
function idSource(): () => string {
  const hex = Date.now().toString(16).padStart(12, "0");
  const r = randomBytes(6).toString("hex");
  const prefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${r.slice(0, 3)}-${((parseInt(r[3]!, 16) & 3) | 8).toString(16)}${r.slice(4, 7)}-${r.slice(7, 11)}`;
  let n = 0;
  return () => prefix + (n++).toString(16).padStart(8, "0");
}

/** The document's rows as batches of COPY text, in rowOrder. */
export function* rowBatches(checked: Checked, options: PrepareOptions): Generator<RowBatch> {
  const { events } = checked.document;
  const { days } = checked;
  const order = rowOrder(checked);
  const user = copyEscape(options.userId);
  const at = (options.writtenAt ?? new Date()).toISOString();
  const nextId = idSource();
  // The n-th id-less repeat is numbered in document order: repeats have the same content, so the
  // same type and day, and rowOrder keeps document order among those.
  const make = rowMaker({ source: options.source });
  const encoder = new TextEncoder();
  for (let start = 0; start < order.length; start += BATCH_ROWS) {
    let text = "";
    let ids = "";
    let hashes = "";
    const end = Math.min(order.length, start + BATCH_ROWS);
    for (let k = start; k < end; k++) {
      const i = order[k]!;
      const e = events[i]!;
      const r = make(e);
      const value = eventValue(e);
      // This array is the check's own: each event object can be collected once its row is built.
      events[i] = undefined!;
      // JSON text holds no raw tab, newline or carriage return: only its backslashes need escaping.
      const json = r.json.includes("\\") ? r.json.replace(/\\/g, "\\\\") : r.json;
      text += `${nextId()}\t${user}\t${copyEscape(r.eventId)}\t${r.idDerived ? "t" : "f"}\t${e.type}\t${days[i]}\t${value ?? "\\N"}\t${json}\t${r.hash}\t${at}\t${at}\n`;
      ids += (k === start ? "" : "\u0000") + r.eventId;
      hashes += r.hash;
    }
    yield { rows: end - start, text: encoder.encode(text), ids, hashes };
  }
}

/** What the worker task posts on its port: first the check's outcome, then the batches, then the end. */
export type PrepareMessage =
  | { kind: "checked"; borrower: Borrower; total: number }
  | { kind: "failed"; failure: PrepareFailure }
  | { kind: "rows"; batch: RowBatch }
  | { kind: "end" };
/** The worker task's payload (lib/workers/tasks.ts "history.prepare"). */
export type PrepareTaskPayload = { input: Uint8Array | unknown; options: PrepareOptions; port: MessagePort };

/**
 * The worker side: checks the document, then posts each batch as soon as it is built (its text
 * transferred, not copied). It never waits for the reader: a reader may itself wait for another
 * task of this pool (the sync API computes the borrower's signals before it writes), and with one
 * thread that would be a deadlock. The reader closing the port (it stopped: a failed write, a
 * replayed Idempotency-Key) ends the task after the batch at hand.
 */
export async function prepareHistoryTask(payload: PrepareTaskPayload): Promise<void> {
  const { port, options } = payload;
  let closed = false;
  port.on("close", () => (closed = true));
  try {
    const checked = checkHistory(payload.input, options.now);
    payload.input = undefined; // the bytes can be collected while the rows are built
    if (!checked.ok) return port.postMessage({ kind: "failed", failure: checked } satisfies PrepareMessage);
    port.postMessage({ kind: "checked", borrower: checked.document.borrower, total: checked.document.events.length } satisfies PrepareMessage);
    for (const batch of rowBatches(checked, options)) {
      port.postMessage({ kind: "rows", batch } satisfies PrepareMessage, [batch.text.buffer as ArrayBuffer]);
      // A turn of the thread's event loop between batches, so a close from the reader is seen.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (closed) return;
    }
    port.postMessage({ kind: "end" } satisfies PrepareMessage);
  } finally {
    port.close();
  }
}
