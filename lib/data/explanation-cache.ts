import "server-only";
import { explain, type CoreContext, type Explanation } from "@/lib/core";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { cachedRead } from "@/lib/db/read-cache";
import { AppError } from "@/lib/errors";
import type { HistoryDocument } from "@/lib/history/schema";
import { todayInShanghai } from "@/lib/days";
import { buildDashboardView, type DashboardView } from "./dashboard-view";
import { loadHistory } from "./history";
import { platformDropWeeks, restoreCohorts } from "./platform-drops";

/*
 * Results computed from a user's whole history, kept in PostgreSQL (ExplanationCache) so every
 * instance shares them; process memory holds only copies that the database's change notifications
 * drop (lib/db/read-cache.ts). A row is valid while its historyVersion equals User.historyVersion,
 * which every write to the user's events bumps in the same transaction (lib/data/history.ts,
 * lib/data/events.ts): a server action that changes the history sees fresh results on its next read.
 *
 * The platform-wide context (lib/data/platform-drops.ts) also changes with OTHER users' data,
 * which no version of this user tracks; so a row is also recomputed once it is older than
 * MAX_AGE_MS: the POLICY_TIGHTENING reason may lag the platform by at most an hour.
 *
 * Two rows per user, written together by one statement at one version: "explained" (explanation
 * and context) and "dashboard" (the page's view, sent verbatim as /api/app/dashboard's body), so
 * neither reader parses the other's JSON. Concurrent misses may both compute; the upsert keeps
 * the rows of the newest version (last write wins within one).
 */

export const MAX_AGE_MS = 60 * 60_000;
export const EXPLAINED_KIND = "explained";
export const DASHBOARD_KIND = "dashboard";

export interface ExplainedPayload {
  explanation: Explanation;
  context: CoreContext;
  dashboard: DashboardView;
}

/** Identifies the cached result (for ETags): the version it was computed at and when. */
export interface CacheStamp {
  historyVersion: number;
  computedAt: Date;
}

export type CacheOptions = { now?: Date };

type Kind = typeof EXPLAINED_KIND | typeof DASHBOARD_KIND;

type CacheRead = { userVersion: number; cacheVersion: number | null; computedAt: Date | null; json: string | null };
type CacheRow = { userVersion: number; cacheVersion: number | null; computedAtMs: number | null; json: string | null };

/**
 * The user's version and their row of one kind, in one query; not_found for no user. Served from
 * the app's read cache (lib/db/read-cache.ts) until a write to the user or this row is notified.
 */
function readCache(db: PrismaClient, userId: string, kind: Kind): Promise<CacheRead> {
  return cachedRead(db, `explanation-cache:${kind}:${userId}`, () => queryCache(db, userId, kind), {
    owner: userId,
    bytes: (read) => 256 + (read.json?.length ?? 0),
  });
}

async function queryCache(db: PrismaClient, userId: string, kind: Kind): Promise<CacheRead> {
  // computedAt as epoch milliseconds: a timestamp without time zone comes back differently by driver.
  const rows = await db.$queryRawUnsafe<CacheRow[]>(
    `SELECT u."historyVersion" AS "userVersion", c."historyVersion" AS "cacheVersion",
            (extract(epoch FROM c."computedAt") * 1000)::float8 AS "computedAtMs", c."payload" AS "json"
     FROM "User" u LEFT JOIN "ExplanationCache" c ON c."userId" = u."id" AND c."kind" = $2
     WHERE u."id" = $1`,
    userId,
    kind,
  );
  const row = rows[0];
  if (!row) throw new AppError("not_found", "No such user.");
  return {
    userVersion: Number(row.userVersion),
    cacheVersion: row.cacheVersion === null ? null : Number(row.cacheVersion),
    computedAt: row.computedAtMs === null ? null : new Date(Math.round(Number(row.computedAtMs))),
    json: row.json,
  };
}

/** A fresh row's JSON parsed once per process and stamp (the text is the same until the row changes). */
function parsed<T>(db: PrismaClient, userId: string, read: CacheRead & { cacheVersion: number; computedAt: Date; json: string }): Promise<T> {
  const key = `explanation-cache:parsed:${userId}:${read.cacheVersion}:${read.computedAt.getTime()}`;
  return cachedRead(db, key, async () => JSON.parse(read.json) as T, { owner: userId, bytes: () => 2 * read.json.length });
}

function fresh(read: CacheRead, now: Date): read is CacheRead & { cacheVersion: number; computedAt: Date; json: string } {
  return read.cacheVersion === read.userVersion && read.computedAt !== null && now.getTime() - read.computedAt.getTime() < MAX_AGE_MS && read.json !== null;
}

/**
 * The explanation with platform context and the dashboard's view, from one history load. Two
 * explain passes: the first finds the drop dates whose platform weeks we ask about, the second
 * explains with that context (so POLICY_TIGHTENING can fire, and an outlook can rest on the
 * product's restore cohort, which like the weeks lags other borrowers by at most MAX_AGE_MS).
 */
export async function computeExplained(db: PrismaClient, { history, now }: { history: HistoryDocument; now?: Date }): Promise<ExplainedPayload> {
  const first = explain(history);
  let explanation = first;
  let context: CoreContext = {};
  if (first.drops.length > 0) {
    const product = history.borrower.product;
    const [weeks, cohorts] = await Promise.all([
      platformDropWeeks(db, { product, days: first.drops.map((d) => d.date) }),
      // Only a drop still waiting for its limit has an outlook that a cohort could inform.
      first.drops.some((d) => d.outlook !== undefined) ? restoreCohorts(db, { product, kind: EXPLAINED_KIND }) : Promise.resolve([]),
    ]);
    if (weeks.length > 0) context = { ...context, platformDropWeeks: weeks };
    if (cohorts.length > 0) context = { ...context, restoreCohorts: cohorts };
    if (weeks.length > 0 || cohorts.length > 0) explanation = explain(history, { context });
  }
  return { explanation, context, dashboard: buildDashboardView(history, explanation, context, now) };
}

/**
 * Computes and stores the user's row. `version` must be the User.historyVersion read BEFORE the
 * history was loaded: a result is then never labelled newer than the data it came from (at worst
 * older, which only costs one more recompute).
 */
async function recompute(db: PrismaClient, userId: string, version: number, now: Date): Promise<{ history: HistoryDocument; payload: ExplainedPayload; stamp: CacheStamp }> {
  const history = await loadHistory(db, { userId });
  const payload = await computeExplained(db, { history, now });
  const stamp = { historyVersion: version, computedAt: now };
  try {
    // The WHERE keeps a row computed at a newer version than ours (a slower, older request).
    // The WHERE keeps rows computed at a newer version than ours (a slower, older request).
    await db.$executeRawUnsafe(
      `INSERT INTO "ExplanationCache" ("userId", "kind", "historyVersion", "computedAt", "payload")
       VALUES ($1, $2, $4, $5::timestamp, $6), ($1, $3, $4, $5::timestamp, $7)
       ON CONFLICT ("userId", "kind") DO UPDATE SET "historyVersion" = EXCLUDED."historyVersion", "computedAt" = EXCLUDED."computedAt", "payload" = EXCLUDED."payload"
       WHERE "ExplanationCache"."historyVersion" <= EXCLUDED."historyVersion"`,
      userId,
      EXPLAINED_KIND,
      DASHBOARD_KIND,
      version,
      now.toISOString().replace("T", " ").replace("Z", ""),
      JSON.stringify({ explanation: payload.explanation, context: payload.context }),
      JSON.stringify(payload.dashboard),
    );
  } catch (err) {
    // Only an optimisation: the user deleted meanwhile (foreign key) must not fail this answer.
    console.error("explanation cache: storing failed", err);
  }
  return { history, payload, stamp };
}

/** The dashboard's view of the user's history as JSON text (sent verbatim by the API): one query when cached. */
export async function cachedDashboard(db: PrismaClient, { userId, ...options }: { userId: string } & CacheOptions): Promise<{ json: string; stamp: CacheStamp }> {
  const now = options.now ?? new Date();
  const read = await readCache(db, userId, DASHBOARD_KIND);
  // The assessment is "as of today": a view made on another Shanghai day is recomputed too.
  if (fresh(read, now) && todayInShanghai(read.computedAt) === todayInShanghai(now)) {
    return { json: read.json, stamp: { historyVersion: read.cacheVersion, computedAt: read.computedAt } };
  }
  const { payload, stamp } = await recompute(db, userId, read.userVersion, now);
  return { json: JSON.stringify(payload.dashboard), stamp };
}

/** The explained history: a borrower's history with its explanation and the platform context it was explained in. */
export interface Explained {
  history: HistoryDocument;
  explanation: Explanation;
  context: CoreContext;
}

/** The explanation without the history, with the stamp of its computation. */
export interface CachedExplanation extends CacheStamp {
  explanation: Explanation;
  context: CoreContext;
}

/** The user's explanation with platform context: one query when cached. */
export async function cachedExplanation(db: PrismaClient, { userId, ...options }: { userId: string } & CacheOptions): Promise<CachedExplanation> {
  const now = options.now ?? new Date();
  const read = await readCache(db, userId, EXPLAINED_KIND);
  if (fresh(read, now)) {
    const value = await parsed<Omit<ExplainedPayload, "dashboard">>(db, userId, read);
    return { explanation: value.explanation, context: value.context, historyVersion: read.cacheVersion, computedAt: read.computedAt };
  }
  const { payload, stamp } = await recompute(db, userId, read.userVersion, now);
  return { explanation: payload.explanation, context: payload.context, ...stamp };
}

/**
 * The explanation together with the history it explains, for pages that draw both (drop pages,
 * recovery, what-if): one history load, and no explain pass when the cache is fresh.
 */
export async function cachedExplained(
  db: PrismaClient,
  { userId, ...options }: { userId: string } & CacheOptions,
): Promise<Explained> {
  const now = options.now ?? new Date();
  const read = await readCache(db, userId, EXPLAINED_KIND);
  if (fresh(read, now)) {
    // Loaded after the version read: an import committed in between shows its events here a
    // request before it shows in the explanation, as when the two were computed one after another.
    const history = await loadHistory(db, { userId });
    const value = await parsed<Omit<ExplainedPayload, "dashboard">>(db, userId, read);
    return { history, explanation: value.explanation, context: value.context };
  }
  const { history, payload } = await recompute(db, userId, read.userVersion, now);
  return { history, explanation: payload.explanation, context: payload.context };
}
