import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readBorrower } from "./history";
import { HISTORY_FORMAT, type HistoryDocument } from "@/lib/history/schema";

/*
 * A borrower's whole history as history-v1 JSON TEXT, for the worker pool to parse and explain.
 * The request thread never decodes 100,000 rows into objects (that cost ~6 s through Prisma):
 * the database writes each event's JSON (`payload` with its `id`, exactly as loadHistory's
 * loadedEvent builds it) and joins a slice of them into one string, so a slice comes back as one
 * value. Slices are paged by day (see SLICE_SQL) and the thread yields between them: on the
 * embedded PGlite, whose one connection runs queries one at a time, other borrowers' queries
 * run between two short slices instead of after one long read.
 */

/**
 * Rows per slice. Measured on PGlite with a 100,000-event history (2-core machine, load ~5):
 * the longest slice took 36 ms at 500 rows, 15 ms at 1,000, 23 ms at 2,000 and 65 ms at 5,000;
 * the whole read 1.6, 0.9, 0.8 and 0.8 s (one query for all of it: 1.6–3.5 s in one block).
 */
export const HISTORY_SLICE_ROWS = 1_000;

export interface HistoryText {
  /** The document as JSON, events in the order loadHistory gives (day, type, eventId). */
  json: string;
  /** How many events it holds. */
  events: number;
  borrower: HistoryDocument["borrower"];
}

type Slice = { n: number; json: string | null; nextDay: string | null; more: boolean };

/** An event's JSON as loadHistory's loadedEvent builds it: the payload with its row's id. */
export const EVENT_JSON_SQL = `("payload" || jsonb_build_object('id', "eventId"))::text`;
/** An event's JSON as exportHistory's exportedEvent builds it: derived ids left out. */
export const EXPORTED_EVENT_JSON_SQL = `(CASE WHEN "idDerived" THEN "payload" - 'id' ELSE "payload" || jsonb_build_object('id', "eventId") END)::text`;

// A slice is whole days: from $3 up to the day of the $2-th row (found on the (userId, day) index
// alone), or to $4 when fewer rows are left. Whole days, because no index has the history's full
// order (day, type, eventId): each slice sorts only its own rows, where a keyset on that order
// made every slice sort all the rows after it (seconds a slice on PGlite). A day holding more
// events than a slice (a crafted history) is read as one larger slice.
const sliceSql = (eventJson: string) => `
  WITH b AS (
    SELECT "day" FROM "Event" WHERE "userId" = $1 AND "day" >= $3::date AND "day" <= $4::date
    ORDER BY "day" OFFSET $2 - 1 LIMIT 1
  ), s AS (
    SELECT "day", "type", "eventId", ${eventJson} AS j FROM "Event"
    WHERE "userId" = $1 AND "day" >= $3::date AND "day" <= coalesce((SELECT "day" FROM b), $4::date)
  )
  SELECT count(*)::int AS n, string_agg(j, ',' ORDER BY "day", "type", "eventId") AS json,
         (max("day") + 1)::text AS "nextDay", EXISTS (SELECT 1 FROM b) AS more
  FROM s`;
const SLICE_SQL = { loaded: sliceSql(EVENT_JSON_SQL), exported: sliceSql(EXPORTED_EVENT_JSON_SQL) };

/** Every day an event can have (PostgreSQL's date range is wider; these bound the schema's days). */
const ALL_DAYS = { from: "0001-01-01", to: "9999-12-31" };

/** Lets queued I/O (other borrowers' requests) run before the next slice. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Gathers the planner's statistics of "Event" when a large part of it changed since they were
 * last gathered (autovacuum's own rule: 50 rows + 10%). PGlite runs no autovacuum, so after an
 * import of 100,000 events its planner still assumes an empty table and reads a slice by
 * scanning and sorting every row after it (70–90 ms a slice instead of 15). Only the columns
 * the history's queries filter and sort on: ~150 ms once per large import on PGlite, where all
 * columns (the payloads) took 1.2 s. On PostgreSQL autovacuum has usually done it already.
 */
async function refreshEventStats(db: PrismaClient): Promise<void> {
  const [stale] = await db.$queryRawUnsafe<{ stale: boolean }[]>(
    `SELECT s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) AS stale
     FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'Event'`,
  );
  if (!stale?.stale) return;
  await db.$executeRawUnsafe(`ANALYZE "Event" ("userId", "day", "type", "eventId")`).catch((err: unknown) => {
    // Only an optimisation (a role without the right to ANALYZE still reads, more slowly).
    console.error("history read: ANALYZE failed", err);
  });
}

/**
 * The user's events (those within `days`, inclusive, when given) as JSON texts of slices, in the
 * history's order; each event as the rule core loads it, or (`form: "exported"`) as exported.
 */
export async function readEventSlices(
  db: PrismaClient,
  options: { userId: string; days?: { from: string; to: string }; sliceRows?: number; form?: keyof typeof SLICE_SQL },
): Promise<{ parts: string[]; events: number }> {
  const { userId } = options;
  const size = options.sliceRows ?? HISTORY_SLICE_ROWS;
  const { from, to } = options.days ?? ALL_DAYS;
  await refreshEventStats(db);
  const parts: string[] = [];
  let events = 0;
  for (let day = from; ; ) {
    const slice = (await db.$queryRawUnsafe<Slice[]>(SLICE_SQL[options.form ?? "loaded"], userId, size, day, to))[0]!;
    const n = Number(slice.n);
    if (n > 0 && slice.json) parts.push(slice.json);
    events += n;
    if (!slice.more || slice.nextDay === null || slice.nextDay > to) break;
    day = slice.nextDay;
    await yieldToOthers();
  }
  return { parts, events };
}

/** A history document's text from its borrower block and its events' JSON texts (joined slices). */
export function historyText(borrower: HistoryDocument["borrower"], parts: readonly string[], events: number): HistoryText {
  const head = JSON.stringify({ format: HISTORY_FORMAT, version: 1, borrower });
  return { json: `${head.slice(0, -1)},"events":[${parts.filter((p) => p.length > 0).join(",")}]}`, events, borrower };
}

/**
 * The user's whole history as JSON text (see above), as loaded or as exported (what the sync API's
 * GET answers, never decoded on this thread); AppError not_found for no such user.
 */
export async function readHistoryText(db: PrismaClient, options: { userId: string; sliceRows?: number; form?: keyof typeof SLICE_SQL }): Promise<HistoryText> {
  const borrower = await readBorrower(db, options.userId);
  const { parts, events } = await readEventSlices(db, options);
  return historyText(borrower, parts, events);
}

/** The text parsed: for small histories, which are cheaper to use here than to send to a worker. */
export function parseHistoryText(text: HistoryText): HistoryDocument {
  return JSON.parse(text.json) as HistoryDocument;
}
