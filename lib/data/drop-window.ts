import "server-only";
import type { Drop } from "@/lib/core";
import { dayNumber, dayString } from "@/lib/core/days";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DROP_ZOOM_DAYS, type HistorySpan } from "@/lib/timeline/build";
import type { DropZoom } from "@/lib/timeline/types";
import { runBySize } from "@/lib/workers/by-size";
import { dropZoomTask } from "@/lib/workers/tasks/drop-zoom";
import { readBorrower } from "./history";
import { EVENT_JSON_SQL, historyText, readEventSlices } from "./history-text";

/*
 * The drop page's chart reads the drop's neighbourhood, not the history: the events of the
 * chart's days (DROP_ZOOM_DAYS around the drop, cut to the history's first and last day), the
 * limit and score observations of the last day before them (the values in force at the chart's
 * left edge), and the events the drop's reasons cite outside them (each type's lane gets one mark).
 * That is everything buildDropZoom reads from a whole history, so the chart is the same.
 */

type Extra = { n: number; json: string };

// The observations in force at the window's start and the cited events outside it, in one query
// (each branch on an index: (userId, type, day) and (userId, eventId)); UNION drops repeats.
const EXTRA_SQL = `
  SELECT count(*)::int AS n, coalesce(string_agg(j, ','), '') AS json FROM (
    SELECT ${EVENT_JSON_SQL} AS j FROM "Event"
    WHERE "userId" = $1 AND "type" = 'limit' AND "day" = (SELECT max("day") FROM "Event" WHERE "userId" = $1 AND "type" = 'limit' AND "day" < $2::date)
    UNION
    SELECT ${EVENT_JSON_SQL} FROM "Event"
    WHERE "userId" = $1 AND "type" = 'score' AND "day" = (SELECT max("day") FROM "Event" WHERE "userId" = $1 AND "type" = 'score' AND "day" < $2::date)
    UNION
    SELECT ${EVENT_JSON_SQL} FROM "Event"
    WHERE "userId" = $1 AND "eventId" IN (SELECT jsonb_array_elements_text($4::jsonb)) AND ("day" < $2::date OR "day" > $3::date)
  ) e`;

/** The first and last day of the user's history (day numbers), or null for no events. */
async function historySpan(db: PrismaClient, userId: string): Promise<HistorySpan | null> {
  const [row] = await db.$queryRawUnsafe<{ first: string | null; last: string | null }[]>(
    `SELECT min("day")::text AS first, max("day")::text AS last FROM "Event" WHERE "userId" = $1`,
    userId,
  );
  return row?.first && row.last ? { firstDay: dayNumber(row.first), lastDay: dayNumber(row.last) } : null;
}

/** The drop page's chart for `drop` (one of `drops`), from the rows around it; null for no events. */
export async function dropZoomOf(db: PrismaClient, options: { userId: string; drops: Drop[]; drop: Drop }): Promise<DropZoom | null> {
  const { userId, drops, drop } = options;
  const span = await historySpan(db, userId);
  if (!span) return null;
  const d = dayNumber(drop.date);
  const days = { from: dayString(Math.max(span.firstDay, d - DROP_ZOOM_DAYS.before)), to: dayString(Math.min(span.lastDay, d + DROP_ZOOM_DAYS.after)) };
  const cited = [...new Set(drop.reasons.flatMap((r) => r.evidence.eventIds))];
  const borrower = await readBorrower(db, userId);
  const window = await readEventSlices(db, { userId, days });
  const [extra] = await db.$queryRawUnsafe<Extra[]>(EXTRA_SQL, userId, days.from, days.to, JSON.stringify(cited));
  const text = historyText(borrower, [...window.parts, extra?.json ?? ""], window.events + Number(extra?.n ?? 0));
  return runBySize(text.events, "drop.zoom", { historyJson: text.json, drops, date: drop.date, span }, dropZoomTask);
}
