import "server-only";
import type { EventType, PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { importHistory, readBorrower } from "@/lib/data/history";
import { loadedEvent } from "@/lib/db/history-rows";
import type { HistoryEvent } from "@/lib/history/schema";
import { dateToDay, dayToDate } from "@/lib/days";

/*
 * The /data events table: one page of a borrower's events, newest first, by keyset on (day, id)
 * so page 500 costs what page 1 costs (OFFSET would read and throw away every earlier row).
 * The (userId, day) and (userId, type, day) indexes serve the filters and the order.
 */

export const PAGE_SIZE = 50;
/** The count stops here: past it the table says "more than 10,000" instead of scanning on. */
export const COUNT_CAP = 10_000;

/** `type: "observation"` matches limits and scores together. */
export type EventFilter = { type?: EventType | "observation"; from?: string; to?: string };

const OBSERVATION_TYPES = ["limit", "score"] as const satisfies EventType[];
const filterTypes = (type: EventFilter["type"]): EventType[] | null => (type === undefined ? null : type === "observation" ? [...OBSERVATION_TYPES] : [type]);
/** A position in the (day desc, id desc) order; `dir` says which side of it the page lies on. */
export type EventCursor = { day: string; id: string; dir: "after" | "before" };

export type EventListRow = { id: string; eventId: string; day: string; event: HistoryEvent; idDerived: boolean };
export type EventPage = { rows: EventListRow[]; next: EventCursor | null; prev: EventCursor | null };


function filterWhere(userId: string, filter: EventFilter) {
  return {
    userId,
    ...(filter.type ? { type: { in: filterTypes(filter.type)! } } : {}),
    ...(filter.from || filter.to
      ? { day: { ...(filter.from ? { gte: dayToDate(filter.from) } : {}), ...(filter.to ? { lte: dayToDate(filter.to) } : {}) } }
      : {}),
  };
}

/**
 * One page of events, newest first. With `cursor.dir === "after"` the page holds the rows that
 * come after the cursor in that order, with "before" the rows just before it (the previous page).
 */
export async function listEvents(
  db: PrismaClient,
  options: { userId: string; filter?: EventFilter; cursor?: EventCursor | null; pageSize?: number },
): Promise<EventPage> {
  const size = options.pageSize ?? PAGE_SIZE;
  const cursor = options.cursor ?? null;
  const backwards = cursor?.dir === "before";
  const cmp = backwards ? "gt" : "lt";
  // The redundant bound on day alone is what lets the index range-scan from the cursor: the OR
  // by itself is not sargable, and the planner would read the user's rows from the newest one.
  const keyset = cursor
    ? {
        day: { [backwards ? "gte" : "lte"]: dayToDate(cursor.day) },
        OR: [{ day: { [cmp]: dayToDate(cursor.day) } }, { day: dayToDate(cursor.day), id: { [cmp]: cursor.id } }],
      }
    : {};
  const order = backwards ? "asc" : "desc";
  const found = await db.event.findMany({
    where: { AND: [filterWhere(options.userId, options.filter ?? {}), keyset] },
    select: { id: true, eventId: true, idDerived: true, day: true, payload: true },
    orderBy: [{ day: order }, { id: order }],
    take: size + 1,
  });
  const more = found.length > size;
  const page = found.slice(0, size);
  if (backwards) page.reverse();
  const rows = page.map((r) => ({ id: r.id, eventId: r.eventId, idDerived: r.idDerived, day: dateToDay(r.day), event: loadedEvent(r) }));
  const first = rows[0];
  const last = rows[rows.length - 1];
  // Going forwards there is a previous page whenever we came from a cursor; going back, a next one.
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : cursor !== null;
  return {
    rows,
    next: hasNext && last ? { day: last.day, id: last.id, dir: "after" } : null,
    prev: hasPrev && first ? { day: first.day, id: first.id, dir: "before" } : null,
  };
}

/** How many events match, counted up to COUNT_CAP + 1 (a LIMITed subquery stops the scan there). */
export async function countEvents(db: PrismaClient, options: { userId: string; filter?: EventFilter }): Promise<{ count: number; capped: boolean }> {
  const f = options.filter ?? {};
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM "Event"
       WHERE "userId" = $1
         AND ($2::text IS NULL OR "type" = ANY(string_to_array($2, ',')::"EventType"[]))
         AND ($3::date IS NULL OR "day" >= $3::date)
         AND ($4::date IS NULL OR "day" <= $4::date)
       LIMIT ${COUNT_CAP + 1}
     ) AS t`,
    options.userId,
    filterTypes(f.type)?.join(",") ?? null,
    f.from ?? null,
    f.to ?? null,
  );
  const n = rows[0]?.n ?? 0;
  return { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/**
 * Every event of one type, as the rule core sees them (ids included), in the history's order: for
 * pages that read one kind (the profile form reads the profile events), not the whole history.
 */
export async function listEventsOfType(db: PrismaClient, options: { userId: string; type: EventType }): Promise<HistoryEvent[]> {
  const rows = await db.event.findMany({
    where: { userId: options.userId, type: options.type },
    select: { eventId: true, payload: true },
    orderBy: [{ day: "asc" }, { eventId: "asc" }],
  });
  return rows.map(loadedEvent);
}

/** One event of the user by its row id, or AppError not_found (also for another user's row). */
export async function getEvent(db: PrismaClient, options: { userId: string; id: string }): Promise<EventListRow> {
  const r = await db.event.findFirst({
    where: { id: options.id, userId: options.userId },
    select: { id: true, eventId: true, idDerived: true, day: true, payload: true },
  });
  if (!r) throw new AppError("not_found", "No such event.");
  return { id: r.id, eventId: r.eventId, idDerived: r.idDerived, day: dateToDay(r.day), event: loadedEvent(r) };
}

/** Deletes one of the user's events; AppError not_found when it is not theirs or already gone. */
export async function deleteEvent(db: PrismaClient, options: { userId: string; id: string }): Promise<void> {
  // The version bump shares the delete's transaction: a cached explanation can never outlive the event.
  await db.$transaction(async (tx) => {
    const { count } = await tx.event.deleteMany({ where: { id: options.id, userId: options.userId } });
    if (count === 0) throw new AppError("not_found", "No such event.");
    await tx.user.update({ where: { id: options.userId }, data: { historyVersion: { increment: 1 } }, select: { id: true } });
  });
}

/**
 * Adds (no `rowId`) or replaces (the row's event id kept) one event through the history store, so
 * it is validated like any import and the borrower block stays as it is. An edited event keeps
 * its id even when that id was derived from the old content: otherwise the edit would become a
 * second event beside the old one.
 */
export async function saveEvent(
  db: PrismaClient,
  options: { userId: string; rowId?: string; event: HistoryEvent; newId: () => string },
): Promise<void> {
  const borrower = await readBorrower(db, options.userId);
  let event: HistoryEvent;
  if (options.rowId) {
    const existing = await getEvent(db, { userId: options.userId, id: options.rowId });
    event = { ...options.event, id: existing.eventId, source: existing.event.source ?? "manual" };
  } else {
    event = { ...options.event, id: options.newId(), source: "manual" };
  }
  await importHistory(db, { userId: options.userId, document: {
    format: "credit-health-history",
    version: 1,
    borrower,
    events: [event],
  } });
}
