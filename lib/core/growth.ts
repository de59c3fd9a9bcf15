/**
 * Why the limit does not rise (spec: "When the limit does not rise", seed 004): detects a limit
 * flat for 180+ days and ranks what holds it back at the latest event — the reason rules with
 * today's thresholds plus LINE_UNUSED, SPARSE_ACTIVITY, LOW_PLATFORM_ASSETS, and NO_CLEAR_BLOCKER
 * when nothing fires.
 */
import type { Clearing } from "./clearing";
import { NEVER } from "./clearing";
import { dayString, rangeIn } from "./days";
import { rankScored, type Scored } from "./rank";
import { RULES } from "./rules";
import { idsIn } from "./rules/rule";
import { recoverySteps } from "./steps";
import { THRESHOLDS as T } from "./thresholds";
import { lastAtOrBefore } from "./timeline";
import type { Timeline } from "./timeline-types";
import { BLOCKER_CODES, BORROWER_REASONS, type Blocker, type BlockerCode, type CoreContext, type Figures, type Growth } from "./types";

const ORDER = new Map<BlockerCode, number>(BLOCKER_CODES.map((c, i) => [c, i]));
type Found = Scored<BlockerCode> & { clearsOn: number | null };

/** The flat level: null unless limit observations span 180+ days and none in the last 180 is above the level of 180 days before. */
function flatLevel(t: Timeline, lastDay: number): { since: number; limit: number } | null {
  const { days, values } = t.limits;
  const n = days.length;
  if (n === 0 || days[n - 1]! - days[0]! < T.flatDays) return null;
  const start = lastAtOrBefore(days, lastDay - T.flatDays);
  if (start < 0) return null;
  for (let j = start + 1; j < n; j++) if (values[j]! > values[start]!) return null;
  const level = values[n - 1]!;
  let k = n - 1;
  for (;;) {
    if (k > 0 && values[k - 1] === level) {
      k--;
      continue;
    }
    // A temporary dip (restored to this level within 7 days) does not end the level.
    let j = k - 1;
    while (j > 0 && values[j]! < level) j--;
    if (j < k - 1 && values[j] === level && days[k]! - days[j + 1]! <= T.temporaryWithinDays) {
      k = j;
      continue;
    }
    break;
  }
  return { since: days[k]!, limit: level };
}

/** LINE_UNUSED: no draw on the main product in the 180 days up to the latest event. */
function lineUnused(t: Timeline, day: number): Found | null {
  const m = t.mainBorrows;
  const last = lastAtOrBefore(m.days, day);
  if (last >= 0 && m.days[last]! > day - T.windowDays) return null;
  const figures: Figures = last >= 0 ? { daysSinceLastDraw: day - m.days[last]!, lastDrawDate: dayString(m.days[last]!) } : { drawsOnRecord: 0 };
  return { code: "LINE_UNUSED", weight: 0.5, confidence: last >= 0 ? "medium" : "low", evidence: { eventIds: last >= 0 ? [m.ids[last]!] : [], figures }, clearsOn: null };
}

/** SPARSE_ACTIVITY: the platform used on fewer than 4 distinct days of the last 90 (when LOW_ACTIVITY does not already say more). */
function sparseActivity(t: Timeline, day: number): Found | null {
  const [lo, hi] = rangeIn(t.useDays, day - T.sparseDays, day);
  if (hi - lo >= T.sparseActiveDays) return null;
  return { code: "SPARSE_ACTIVITY", weight: 0.45, confidence: "medium", evidence: { eventIds: [], figures: { activeDays90d: hi - lo } }, clearsOn: null };
}

/** LOW_PLATFORM_ASSETS: no asset on record in the 180 days, or the latest balance below one month of the income on file. */
function lowAssets(t: Timeline, day: number): Found | null {
  const a = t.assets;
  const [lo, hi] = rangeIn(a.days, day - T.windowDays, day);
  if (hi === lo) return { code: "LOW_PLATFORM_ASSETS", weight: 0.4, confidence: "low", evidence: { eventIds: [], figures: { assetEvents180d: 0 } }, clearsOn: null };
  const p = lastAtOrBefore(t.profiles.days, day);
  const income = p >= 0 ? t.profiles.states[p]!.monthlyIncome : undefined;
  const balance = a.values[hi - 1]!;
  if (income === undefined || balance >= T.assetIncomeMonths * income) return null;
  const inc = lastAtOrBefore(t.incomeReports.days, day);
  const ids = [a.ids[hi - 1]!, ...(inc >= 0 ? [t.incomeReports.ids[inc]!] : [])];
  return {
    code: "LOW_PLATFORM_ASSETS",
    weight: 0.4,
    confidence: "medium",
    evidence: { eventIds: ids, figures: { latestBalance: balance, assetDate: dayString(a.days[hi - 1]!), monthlyIncome: income } },
    clearsOn: null,
  };
}

/** POLICY_TIGHTENING as context: platform policy notices in the 180 days; it leaves the window 180 days after the latest. */
function policy(t: Timeline, day: number): Found | null {
  const p = t.policyNotices;
  const [lo, hi] = rangeIn(p.days, day - T.windowDays, day);
  if (hi === lo) return null;
  const last = p.days[hi - 1]!;
  return {
    code: "POLICY_TIGHTENING",
    weight: 0.4,
    confidence: "medium",
    evidence: { eventIds: idsIn(p.ids, lo, hi), figures: { policyNotices: hi - lo, noticeDate: dayString(last) } },
    clearsOn: last + T.windowDays + 1,
  };
}

/**
 * Growth of a history, or null when the limit rose in the last 180 days (or is observed over less).
 * Invariants: null whenever an observation in the last 180 days is above the limit of 180 days
 * before; blockers ranked like reasons (at most four borrower-side first, context after, weights
 * summing to 1); NO_CLEAR_BLOCKER only when nothing else holds the limit back.
 */
export function growthOf(t: Timeline, clear: Clearing, context?: CoreContext): Growth | null {
  const day = clear.lastDay;
  const flat = flatLevel(t, day);
  if (!flat) return null;
  const found: Found[] = [];
  for (const code of BORROWER_REASONS) {
    const r = RULES[code]({ t, day, context });
    if (!r.fired) continue;
    const on = clear.clearsAfter(code, day - 1);
    found.push({ code, weight: r.weight, confidence: r.confidence, evidence: r.evidence, clearsOn: on === NEVER ? null : on });
  }
  const lowActivity = found.some((f) => f.code === "LOW_ACTIVITY");
  for (const f of [lineUnused(t, day), lowActivity ? null : sparseActivity(t, day), lowAssets(t, day)]) if (f) found.push(f);
  const leading = found.sort((a, b) => b.weight - a.weight || ORDER.get(a.code)! - ORDER.get(b.code)!).slice(0, T.maxBorrowerReasons);
  if (!leading.length) leading.push({ code: "NO_CLEAR_BLOCKER", weight: 1, confidence: "low", evidence: { eventIds: [], figures: {} }, clearsOn: null });
  const ctx = policy(t, day);
  const clearsOn = new Map<BlockerCode, number | null>([...leading, ...(ctx ? [ctx] : [])].map((f) => [f.code, f.clearsOn]));
  const blockers: Blocker[] = rankScored<BlockerCode>(leading, ctx ? [ctx] : []).map((b) => {
    const on = clearsOn.get(b.code) ?? null;
    return { ...b, clearsOn: on === null ? null : dayString(on) };
  });
  return {
    since: dayString(flat.since),
    days: day - flat.since,
    limit: flat.limit,
    blockers,
    steps: recoverySteps<BlockerCode>(blockers, { onTimeRecord: false, cancellation: false }),
  };
}
