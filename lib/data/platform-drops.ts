import "server-only";
import { dayNumber, dayString } from "@/lib/core/days";
import { THRESHOLDS } from "@/lib/core/thresholds";
import type { PlatformDropWeek, ReasonCode, RestoreCohort } from "@/lib/core/types";
import { REASON_CODES } from "@/lib/core/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/*
 * Platform-wide cuts: how many borrowers of one product saw their limit fall in a week, across all
 * users. This is the one cross-user read of the app, so it returns aggregates only, and only for
 * weeks with at least THRESHOLDS.platformMinBorrowers borrowers (k-anonymity: a small bucket could
 * reveal one person's drop). Callers ask only about the weeks of the signed-in user's own drops.
 */

/** Monday (ISO week start) of a YYYY-MM-DD day. 1970-01-01, day 0, was a Thursday. */
export function weekStart(day: string): string {
  const n = dayNumber(day);
  return dayString(n - ((n + 3) % 7));
}

/** How far back to look for the observation before a week's first one, so a drop on a week's first observation is seen. */
const PREVIOUS_OBSERVATION_DAYS = 180;

interface Row {
  weekStart: string;
  borrowers: number;
  borrowersWithDrops: number;
}

export async function platformDropWeeks(
  db: PrismaClient,
  options: { product: string; days: readonly string[]; minBorrowers?: number },
): Promise<PlatformDropWeek[]> {
  const weeks = [...new Set(options.days.map(weekStart))].sort();
  if (weeks.length === 0) return [];
  const minBorrowers = options.minBorrowers ?? THRESHOLDS.platformMinBorrowers;
  const first = weeks[0]!;
  const last = weeks[weeks.length - 1]!;
  // A borrower is in a week's bucket when their limit was observed that week; they count as
  // dropped when any observation that week is below the one before it.
  const rows = await db.$queryRaw<Row[]>`
    WITH obs AS (
      SELECT e."userId", e.day, e.value,
             LAG(e.value) OVER (PARTITION BY e."userId" ORDER BY e.day, e."eventId") AS prev
      FROM "Event" e JOIN "User" u ON u.id = e."userId"
      WHERE e.type = 'limit' AND u.product = ${options.product}
        AND e.day >= (${first}::date - ${PREVIOUS_OBSERVATION_DAYS}::int) AND e.day < (${last}::date + 7)
    ), per_user AS (
      SELECT (day - (extract(isodow FROM day)::int - 1)) AS week, "userId",
             bool_or(prev IS NOT NULL AND value < prev) AS dropped
      FROM obs WHERE day >= ${first}::date
      GROUP BY 1, 2
    )
    SELECT to_char(week, 'YYYY-MM-DD') AS "weekStart", count(*)::int AS borrowers,
           (count(*) FILTER (WHERE dropped))::int AS "borrowersWithDrops"
    FROM per_user
    GROUP BY week
    HAVING count(*) >= ${minBorrowers}::int
    ORDER BY week`;
  const wanted = new Set(weeks);
  return rows
    .filter((r) => wanted.has(r.weekStart))
    .map((r) => ({ product: options.product, weekStart: r.weekStart, borrowers: Number(r.borrowers), borrowersWithDrops: Number(r.borrowersWithDrops) }));
}

interface CohortRow {
  reason: string;
  borrowers: number;
  median: number;
  q1: number;
  q3: number;
}

/**
 * How long limits cut for each main reason took to come back, across the product's borrowers:
 * from the explanations every borrower's dashboard has already stored (ExplanationCache, kind
 * "explained"), the drops whose outlook records a later restore. Aggregates only, and only for
 * reasons with at least THRESHOLDS.cohortMinBorrowers distinct borrowers (k-anonymity, as for the
 * weeks above); one borrower's many drops count once towards k. Days as median and quartiles.
 */
export async function restoreCohorts(db: PrismaClient, options: { product: string; kind: string; minBorrowers?: number }): Promise<RestoreCohort[]> {
  const minBorrowers = Math.max(THRESHOLDS.cohortMinBorrowers, options.minBorrowers ?? THRESHOLDS.cohortMinBorrowers);
  const rows = await db.$queryRaw<CohortRow[]>`
    WITH restored AS (
      SELECT c."userId", d->'reasons'->0->>'code' AS reason,
             ((d->'outlook'->>'restoredOn')::date - (d->>'date')::date) AS delay
      FROM "ExplanationCache" c
      JOIN "User" u ON u.id = c."userId"
      CROSS JOIN LATERAL jsonb_array_elements(c.payload::jsonb -> 'explanation' -> 'drops') AS d
      WHERE c.kind = ${options.kind} AND u.product = ${options.product}
        AND jsonb_typeof(d->'outlook') = 'object' AND d->'outlook'->>'restoredOn' IS NOT NULL
    )
    SELECT reason, count(DISTINCT "userId")::int AS borrowers,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY delay)::float8 AS median,
           percentile_cont(0.25) WITHIN GROUP (ORDER BY delay)::float8 AS q1,
           percentile_cont(0.75) WITHIN GROUP (ORDER BY delay)::float8 AS q3
    FROM restored
    GROUP BY reason
    HAVING count(DISTINCT "userId") >= ${minBorrowers}::int
    ORDER BY reason`;
  return rows
    .filter((r) => (REASON_CODES as readonly string[]).includes(r.reason))
    .map((r) => ({
      product: options.product,
      reason: r.reason as ReasonCode,
      borrowers: Number(r.borrowers),
      medianDays: Math.round(Number(r.median)),
      q1Days: Math.round(Number(r.q1)),
      q3Days: Math.round(Number(r.q3)),
    }));
}
