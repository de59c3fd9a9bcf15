import "server-only";
import type { CoreContext, Explanation } from "@/lib/core";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { cachedRead, invalidateCached } from "@/lib/db/read-cache";
import { AppError } from "@/lib/errors";
import type { HistoryDocument } from "@/lib/history/schema";
import { todayInShanghai } from "@/lib/days";
import { run } from "@/lib/workers/pool";
import { WORKER_MIN_EVENTS } from "@/lib/workers/by-size";
import { explainHistory, type ExplainHistoryResult } from "@/lib/workers/tasks/explain-history";
import type { DashboardView } from "./dashboard-view";
import { parseHistoryText, readHistoryText, type HistoryText } from "./history-text";
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
 * neither reader parses the other's JSON. Concurrent misses in one process share one computation
 * (recompute); on two instances both may compute, and the upsert keeps the rows of the newest
 * version (last write wins within one).
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

/** One explain pass's result: the rows' JSON text, and the explanation when it is at hand. */
type Pass = ExplainHistoryResult & { explanation?: Explanation };

/** Computed rows: JSON text as stored, and the parsed explanation on demand. */
export interface Computed {
  explainedJson: string;
  dashboardJson: string;
  explained: () => Omit<ExplainedPayload, "dashboard">;
}

/**
 * What an explain pass reads: a history already at hand, or the stored one as JSON text
 * (lib/data/history-text.ts), which a worker parses so this thread never builds its objects.
 */
export type ExplainSource = { history: HistoryDocument } | { text: HistoryText };

const eventCount = (s: ExplainSource) => ("history" in s ? s.history.events.length : s.text.events);
const productOf = (s: ExplainSource) => ("history" in s ? s.history : s.text).borrower.product;
const historyOf = (s: ExplainSource) => ("history" in s ? s.history : parseHistoryText(s.text));

/**
 * One explain pass, here or on a worker thread by the history's size (WORKER_MIN_EVENTS), with a
 * fallback to this thread for a history too big for a worker's heap (so not runBySize).
 */
function explainPass(source: ExplainSource, now: Date): (context: CoreContext) => Promise<Pass> {
  if (eventCount(source) < WORKER_MIN_EVENTS) {
    const history = historyOf(source);
    return async (context) => explainHistory({ history, context, now });
  }
  // Stringified at most once for both passes: the text crosses to the thread as one copy.
  let json: string | undefined = "text" in source ? source.text.json : undefined;
  return async (context) => {
    try {
      return await run("history.explain", { historyJson: (json ??= JSON.stringify(historyOf(source))), context, nowMs: now.getTime() });
    } catch (err) {
      // A history too big for a worker's heap (WORKER_HEAP_MB) is still explained, here: slower
      // for everyone for once, but the borrower gets an answer rather than an error page.
      if ((err as { code?: unknown }).code !== "ERR_WORKER_OUT_OF_MEMORY") throw err;
      console.error(`explanation: ${eventCount(source)} events exceeded the worker's heap; explaining on the request thread`);
      return explainHistory({ history: historyOf(source), context, now });
    }
  };
}

/**
 * The explanation with platform context and the dashboard's view, from one history load. Two
 * explain passes: the first finds the drop dates whose platform weeks we ask about, the second
 * explains with that context (so POLICY_TIGHTENING can fire, and an outlook can rest on the
 * product's restore cohort, which like the weeks lags other borrowers by at most MAX_AGE_MS).
 * Without any context the first pass is the answer.
 */
export async function computeExplained(db: PrismaClient, { now = new Date(), ...source }: ExplainSource & { now?: Date }): Promise<Computed> {
  const pass = explainPass(source, now);
  let result = await pass({});
  let context: CoreContext = {};
  if (result.dropDays.length > 0) {
    const product = productOf(source);
    const [weeks, cohorts] = await Promise.all([
      platformDropWeeks(db, { product, days: result.dropDays }),
      // Only a drop still waiting for its limit has an outlook that a cohort could inform.
      result.anyOutlook ? restoreCohorts(db, { product, kind: EXPLAINED_KIND }) : Promise.resolve([]),
    ]);
    if (weeks.length > 0) context = { ...context, platformDropWeeks: weeks };
    if (cohorts.length > 0) context = { ...context, restoreCohorts: cohorts };
    if (weeks.length > 0 || cohorts.length > 0) result = await pass(context);
  }
  const { explainedJson, dashboardJson, explanation } = result;
  let value: Omit<ExplainedPayload, "dashboard"> | undefined = explanation ? { explanation, context } : undefined;
  return { explainedJson, dashboardJson, explained: () => (value ??= JSON.parse(explainedJson) as Omit<ExplainedPayload, "dashboard">) };
}

type Recomputed = { text: HistoryText; computed: Computed; stamp: CacheStamp };

// Computations in flight, by client and by user, version and Shanghai day.
const inFlight = new WeakMap<object, Map<string, Promise<Recomputed>>>();

/**
 * The user's rows computed and stored, once however many requests miss them at the same time: a
 * sync's look at the signals before it writes, the look after the previous sync and the page
 * the borrower reloads all wait for one computation (a 200,000-event history is seconds of the
 * pool's thread; each extra copy of it queued behind the first). Another instance may still
 * compute the same rows; the upsert keeps one.
 */
function recompute(db: PrismaClient, userId: string, version: number, now: Date): Promise<Recomputed> {
  let flights = inFlight.get(db);
  if (!flights) inFlight.set(db, (flights = new Map()));
  const key = `${userId}:${version}:${todayInShanghai(now)}`;
  let flight = flights.get(key);
  if (!flight) {
    const own = flights;
    flight = computeAndStore(db, userId, version, now).finally(() => own.delete(key));
    flights.set(key, flight);
  }
  return flight;
}

/**
 * Computes and stores the user's row. `version` must be the User.historyVersion read BEFORE the
 * history was loaded: a result is then never labelled newer than the data it came from (at worst
 * older, which only costs one more recompute).
 */
async function computeAndStore(db: PrismaClient, userId: string, version: number, now: Date): Promise<Recomputed> {
  const text = await readHistoryText(db, { userId });
  const computed = await computeExplained(db, { text, now });
  const stamp = { historyVersion: version, computedAt: now };
  try {
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
      computed.explainedJson,
      computed.dashboardJson,
    );
    // The next read here sees the stored rows, not the miss cached before them.
    invalidateCached(db, userId);
  } catch (err) {
    // Only an optimisation: the user deleted meanwhile (foreign key) must not fail this answer.
    console.error("explanation cache: storing failed", err);
  }
  return { text, computed, stamp };
}

/** The dashboard's view of the user's history as JSON text (sent verbatim by the API): one query when cached. */
export async function cachedDashboard(db: PrismaClient, { userId, ...options }: { userId: string } & CacheOptions): Promise<{ json: string; stamp: CacheStamp }> {
  const now = options.now ?? new Date();
  const read = await readCache(db, userId, DASHBOARD_KIND);
  // The assessment is "as of today": a view made on another Shanghai day is recomputed too.
  if (fresh(read, now) && todayInShanghai(read.computedAt) === todayInShanghai(now)) {
    return { json: read.json, stamp: { historyVersion: read.cacheVersion, computedAt: read.computedAt } };
  }
  const { computed, stamp } = await recompute(db, userId, read.userVersion, now);
  return { json: computed.dashboardJson, stamp };
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
  const { computed, stamp } = await recompute(db, userId, read.userVersion, now);
  return { ...computed.explained(), ...stamp };
}

/**
 * The explanation together with the whole history it explains, parsed here: only for what must
 * compute over every event on this thread (small histories, scripts, tests). Pages use the
 * explanation (cachedExplanation) and the rows they draw (lib/data/drop-view.ts); the history
 * itself is read as text in slices (lib/data/history-text.ts) and, when stale, explained in the
 * worker pool before it is parsed here.
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
    const history = parseHistoryText(await readHistoryText(db, { userId }));
    const value = await parsed<Omit<ExplainedPayload, "dashboard">>(db, userId, read);
    return { history, explanation: value.explanation, context: value.context };
  }
  const { text, computed } = await recompute(db, userId, read.userVersion, now);
  return { history: parseHistoryText(text), ...computed.explained() };
}
