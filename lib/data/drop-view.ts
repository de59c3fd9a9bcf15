import "server-only";
import { cache } from "react";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Assessment, CoreContext, Drop, Explanation } from "@/lib/core";
import { calendarDay, type HistoryDocument } from "@/lib/history/schema";
import { missingData, type MissingData } from "@/lib/limit-change/summary";
import type { DropZoom } from "@/lib/timeline/types";
import { getDashboard } from "./dashboard";
import { dropZoomOf } from "./drop-window";
import { cachedExplanation } from "./explanation-cache";
import { readBorrower } from "./history";
import { listLimitObservations } from "./recovery";

/*
 * A drop's pages read what they draw, never the whole history on the request thread: the drop
 * and its explanation from the shared ExplanationCache, the chart from the rows around the drop
 * (lib/data/drop-window.ts), today's assessment from the dashboard's cached view, the limits
 * for the recovery plan, and which kinds of data the history holds at all.
 */

/** A drop's URL segment: a real calendar day, nothing else reaches the database. */
export const dropDateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => calendarDay(v) === v);

export interface DropRef {
  drop: Drop;
  /** The drop's position among the user's drops, oldest first (for "drop 2 of 3"). */
  index: number;
  explanation: Explanation;
  context: CoreContext;
  /** The history version the explanation was computed at (keys caches derived from it). */
  historyVersion: number;
}

/** One of the signed-in user's drops, or null when `date` is not one of them (the page answers 404). */
export function findDrop(db: PrismaClient, options: { userId: string; date: string }): Promise<DropRef | null> {
  return dropOf(db, options.userId, options.date);
}

// React's cache() compares arguments by identity: plain values (the layout and the page share one read).
const dropOf = cache(async (db: PrismaClient, userId: string, date: string): Promise<DropRef | null> => {
  const parsed = dropDateParam.safeParse(date);
  if (!parsed.success) return null;
  const { explanation, context, historyVersion } = await cachedExplanation(db, { userId });
  const index = explanation.drops.findIndex((d) => d.date === parsed.data);
  if (index < 0) return null;
  return { drop: explanation.drops[index]!, index, explanation, context, historyVersion };
});

export interface DropView extends DropRef {
  borrower: HistoryDocument["borrower"];
  zoom: DropZoom;
  /** What the history still lacks to say more (profile, a bill, credit applications). */
  missing: MissingData[];
  /** Today's early-warning assessment, as the dashboard shows it. */
  assessment: Assessment | null;
  /** The limit observations: all the recovery plan reads from the history. */
  limits: { type: "limit"; date: string; limit: number }[];
}

/** Everything the drop page draws, or null when `date` is not one of the user's drops. */
export async function getDropView(db: PrismaClient, options: { userId: string; date: string }): Promise<DropView | null> {
  const ref = await findDrop(db, options);
  if (!ref) return null;
  const { userId } = options;
  // Independent reads: together, not one after another.
  const [zoom, dashboard, borrower, missing, limits] = await Promise.all([
    dropZoomOf(db, { userId, drops: ref.explanation.drops, drop: ref.drop }),
    getDashboard(db, { userId }),
    readBorrower(db, userId),
    missingDataOf(db, { userId }),
    listLimitObservations(db, { userId }),
  ]);
  if (!zoom) return null;
  return { ...ref, borrower, zoom, missing, assessment: dashboard.view().assessment, limits };
}

/**
 * Which kinds of data the history lacks, from three EXISTS probes on the (userId, type, day)
 * index: missingData asks only whether each kind is there, so no event needs to be read.
 */
export async function missingDataOf(db: PrismaClient, { userId }: { userId: string }): Promise<MissingData[]> {
  const [row] = await db.$queryRawUnsafe<{ profile: boolean; bill: boolean; applications: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM "Event" WHERE "userId" = $1 AND "type" = 'profile') AS profile,
            EXISTS (SELECT 1 FROM "Event" WHERE "userId" = $1 AND "type" IN ('borrow', 'repayment', 'activity')) AS bill,
            EXISTS (SELECT 1 FROM "Event" WHERE "userId" = $1 AND "type" = 'inquiry') AS applications`,
    userId,
  );
  const has = (v: boolean | undefined) => (v ? 1 : 0);
  // Counts of one stand for "some": missingData compares them with zero only.
  return missingData({
    hasProfile: Boolean(row?.profile),
    borrow: { count: has(row?.bill), amount: 0 },
    repayment: { count: 0, amount: 0 },
    activityDays: 0,
    inquiries: has(row?.applications),
  });
}
