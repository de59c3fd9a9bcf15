import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { HISTORY_FORMAT, type HistoryDocument } from "@/lib/history/schema";

/*
 * A borrower's whole history as history-v1 JSON TEXT, for the worker pool to parse and explain.
 * The request thread never decodes 100,000 rows into objects (that cost ~6 s through Prisma):
 * the database writes each event's JSON (`payload` with its `id`, exactly as loadHistory's
 * loadedEvent builds it) and joins a slice of them into one string, so a slice comes back as one
 * value. Slices are keyset-paged on the history's own order (day, type, eventId) and the thread
 * yields between them: on the embedded PGlite, which runs queries on this very thread one at a
 * time, other borrowers' queries run between two short slices instead of after one long read.
 */

/** Rows per slice. On PGlite (2-core machine) a slice of this size takes ~15–40 ms. */
export const HISTORY_SLICE_ROWS = 2_000;

export interface HistoryText {
  /** The document as JSON, events in the order loadHistory gives (day, type, eventId). */
  json: string;
  /** How many events it holds. */
  events: number;
  borrower: HistoryDocument["borrower"];
}

type Slice = { n: number; json: string | null; lastDay: string | null; lastType: string | null; lastId: string | null };

/** An event's JSON as loadHistory's loadedEvent builds it: the payload with its row's id. */
export const EVENT_JSON_SQL = `("payload" || jsonb_build_object('id', "eventId"))::text`;

// The same CTE from the start or after a keyset position, optionally within a day range ($3, $4).
// The redundant bound on "day" alone lets the (userId, day) index range-scan from the position
// (the row comparison by itself is not an index condition); the sort within a day is an
// incremental sort of one slice.
const sliceSql = (after: boolean) => `
  WITH s AS (
    SELECT "day", "type", "eventId", ${EVENT_JSON_SQL} AS j
    FROM "Event"
    WHERE "userId" = $1 AND "day" >= $3::date AND "day" <= $4::date
      ${after ? `AND "day" >= $5::date AND ("day", "type", "eventId") > ($5::date, $6::"EventType", $7)` : ""}
    ORDER BY "day", "type", "eventId"
    LIMIT $2
  )
  SELECT a.n, a.json, l."day"::text AS "lastDay", l."type"::text AS "lastType", l."eventId" AS "lastId"
  FROM (SELECT count(*)::int AS n, string_agg(j, ',' ORDER BY "day", "type", "eventId") AS json FROM s) a
  LEFT JOIN LATERAL (SELECT "day", "type", "eventId" FROM s ORDER BY "day" DESC, "type" DESC, "eventId" DESC LIMIT 1) l ON true`;

const FIRST_SLICE = sliceSql(false);
const NEXT_SLICE = sliceSql(true);
/** Every day an event can have (PostgreSQL's date range is wider; these bound the schema's days). */
const ALL_DAYS = { from: "0001-01-01", to: "9999-12-31" };

/** Lets queued I/O (other borrowers' requests) run before the next slice. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The borrower block of the user's history; AppError not_found for no such user. */
export async function readBorrower(db: PrismaClient, userId: string): Promise<HistoryDocument["borrower"]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { currency: true, product: true, scoreMin: true, scoreMax: true } });
  if (!user) throw new AppError("not_found", "No such user.");
  return { currency: user.currency, product: user.product, scoreScale: { min: user.scoreMin, max: user.scoreMax } };
}

/** The user's events (those within `days`, inclusive, when given) as JSON texts of slices, in the history's order. */
export async function readEventSlices(
  db: PrismaClient,
  options: { userId: string; days?: { from: string; to: string }; sliceRows?: number },
): Promise<{ parts: string[]; events: number }> {
  const { userId } = options;
  const size = options.sliceRows ?? HISTORY_SLICE_ROWS;
  const { from, to } = options.days ?? ALL_DAYS;
  const parts: string[] = [];
  let events = 0;
  let slice = (await db.$queryRawUnsafe<Slice[]>(FIRST_SLICE, userId, size, from, to))[0]!;
  for (;;) {
    const n = Number(slice.n);
    if (n > 0 && slice.json) parts.push(slice.json);
    events += n;
    if (n < size || slice.lastDay === null) break;
    await yieldToOthers();
    slice = (await db.$queryRawUnsafe<Slice[]>(NEXT_SLICE, userId, size, from, to, slice.lastDay, slice.lastType, slice.lastId))[0]!;
  }
  return { parts, events };
}

/** A history document's text from its borrower block and its events' JSON texts (joined slices). */
export function historyText(borrower: HistoryDocument["borrower"], parts: readonly string[], events: number): HistoryText {
  const head = JSON.stringify({ format: HISTORY_FORMAT, version: 1, borrower });
  return { json: `${head.slice(0, -1)},"events":[${parts.filter((p) => p.length > 0).join(",")}]}`, events, borrower };
}

/** The user's whole history as JSON text (see above); AppError not_found for no such user. */
export async function readHistoryText(db: PrismaClient, options: { userId: string; sliceRows?: number }): Promise<HistoryText> {
  const borrower = await readBorrower(db, options.userId);
  const { parts, events } = await readEventSlices(db, options);
  return historyText(borrower, parts, events);
}

/** The text parsed: for small histories, which are cheaper to use here than to send to a worker. */
export function parseHistoryText(text: HistoryText): HistoryDocument {
  return JSON.parse(text.json) as HistoryDocument;
}
