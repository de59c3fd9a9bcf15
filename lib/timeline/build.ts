/**
 * Chart data for the dashboard and the drop page, from one history and its explanation.
 * Pure: the same document gives the same bytes. Sizes stay bounded whatever the history's
 * length: at most `maxPoints` per series per range, at most `maxBuckets` overlay buckets.
 */
import { dayNumber } from "@/lib/core/days";
import { normaliseEvents } from "@/lib/core/normalise";
import type { Drop, Explanation, ReasonCode } from "@/lib/core/types";
import type { HistoryDocument } from "@/lib/history/schema";
import { compressRuns, lttb, type Point } from "./lttb";
import { scoreBands } from "./score-bands";
import {
  OVERLAY_KINDS,
  RANGE_KEYS,
  type Bucket,
  type DropMarker,
  type DropZoom,
  type EvidenceMark,
  type OverlayKind,
  type RangeKey,
  type TimelineData,
  type TimelineRange,
} from "./types";

export interface TimelineOptions {
  maxPoints?: number;
  maxBuckets?: number;
}

const RANGE_DAYS: Record<Exclude<RangeKey, "all">, number> = { "3m": 91, "1y": 365 };
type Overlay = { d: number; amount: number };

interface Prepared {
  limit: Point[];
  score: Point[];
  overlays: Record<OverlayKind, Overlay[]>;
  firstDay: number | null;
  lastDay: number | null;
  dropDays: Set<number>;
}

/** One value per day (the day's last observation), as the chart has one x per day. */
function pushDaily(series: Point[], d: number, v: number): void {
  const last = series[series.length - 1];
  if (last && last[0] === d) last[1] = v;
  else series.push([d, v]);
}

function prepare(doc: HistoryDocument, drops: readonly Drop[]) {
  const events = normaliseEvents(doc.events);
  const p: Prepared = {
    limit: [],
    score: [],
    overlays: { borrow: [], repayment: [], inquiry: [], notice: [] },
    firstDay: events[0]?.day ?? null,
    lastDay: events[events.length - 1]?.day ?? null,
    dropDays: new Set(drops.map((x) => dayNumber(x.date))),
  };
  for (const { day, event: e } of events) {
    if (e.type === "limit") pushDaily(p.limit, day, e.limit);
    else if (e.type === "score") pushDaily(p.score, day, e.score);
    else if (e.type === "borrow" || e.type === "repayment") p.overlays[e.type].push({ d: day, amount: e.amount });
    else if (e.type === "inquiry" || e.type === "notice") p.overlays[e.type].push({ d: day, amount: 0 });
  }
  return { p, events };
}

/** First index with day > x. */
function after(length: number, x: number, key: (i: number) => number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(mid) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The part of a series inside [from, to], opened with the value in force at `from` and closed
 * with the value still in force at `to`, so every range starts and ends on its edges.
 */
function sliceSeries(pts: readonly Point[], from: number, to: number, forced: ReadonlySet<number>, maxPoints: number): Point[] {
  const startIdx = after(pts.length, from - 1, (i) => pts[i]![0]);
  const endIdx = after(pts.length, to, (i) => pts[i]![0]);
  const part: Point[] = pts.slice(startIdx, endIdx).map((x) => [x[0], x[1]] as Point);
  const before = pts[startIdx - 1];
  if (before && (part.length === 0 || part[0]![0] > from)) part.unshift([from, before[1]]);
  const last = part[part.length - 1];
  if (last && last[0] < to) part.push([to, last[1]]);
  const keep = new Set<number>();
  part.forEach(([d], i) => {
    if (forced.has(d)) {
      keep.add(i);
      // The observation before a drop carries the previous limit: without it the step would
      // show a wrong "from" value whenever downsampling removed it.
      if (i > 0) keep.add(i - 1);
    }
  });
  const { points, kept } = compressRuns(part, keep);
  return lttb(points, maxPoints, kept);
}

function bucketise(items: readonly Overlay[], from: number, to: number, bucketDays: number): Bucket[] {
  const out: Bucket[] = [];
  const start = after(items.length, from - 1, (i) => items[i]!.d);
  for (let i = start; i < items.length && items[i]!.d <= to; i++) {
    const { d, amount } = items[i]!;
    const b = from + Math.floor((d - from) / bucketDays) * bucketDays;
    const last = out[out.length - 1];
    if (last && last[0] === b) {
      last[1] += 1;
      last[2] = Math.round((last[2] + amount) * 100) / 100;
    } else out.push([b, 1, amount]);
  }
  return out;
}

function buildRange(p: Prepared, key: TimelineRange["key"], from: number, to: number, opts: Required<TimelineOptions>): TimelineRange {
  const bucketDays = Math.max(1, Math.ceil((to - from + 1) / opts.maxBuckets));
  const overlays = Object.fromEntries(
    OVERLAY_KINDS.map((k) => [k, bucketise(p.overlays[k], from, to, bucketDays)]),
  ) as Record<OverlayKind, Bucket[]>;
  return {
    key,
    from,
    to,
    limit: sliceSeries(p.limit, from, to, p.dropDays, opts.maxPoints),
    score: sliceSeries(p.score, from, to, new Set(), opts.maxPoints),
    bucketDays,
    overlays,
  };
}

function mainReason(drop: Drop): ReasonCode | null {
  return [...drop.reasons].sort((a, b) => a.rank - b.rank)[0]?.code ?? null;
}

export function dropMarker(drop: Drop): DropMarker {
  return {
    d: dayNumber(drop.date),
    date: drop.date,
    previousLimit: drop.previousLimit,
    newLimit: drop.newLimit,
    kind: drop.kind,
    temporary: drop.temporary,
    mainReason: mainReason(drop),
  };
}

const DEFAULTS: Required<TimelineOptions> = { maxPoints: 400, maxBuckets: 120 };

/**
 * Every range of the dashboard chart at once, so switching ranges needs no round trip.
 * Invariants: each range starts at its `from` and ends at its `to` when the series has a value
 * there; every drop day inside a range is a point of that range's limit series.
 */
export function buildChartTimeline(doc: HistoryDocument, explanation: Explanation, options: TimelineOptions = {}): TimelineData {
  const opts = { ...DEFAULTS, ...options };
  const { p } = prepare(doc, explanation.drops);
  const asOf = p.lastDay;
  const first = p.firstDay ?? 0;
  const ranges = Object.fromEntries(
    RANGE_KEYS.map((key) => {
      const to = asOf ?? 0;
      const from = key === "all" ? first : Math.max(first, to - RANGE_DAYS[key] + 1);
      return [key, buildRange(p, key, from, to, opts)];
    }),
  ) as Record<RangeKey, TimelineRange>;
  return {
    currency: doc.borrower.currency,
    product: doc.borrower.product,
    scoreScale: doc.borrower.scoreScale,
    bands: scoreBands(doc.borrower.scoreScale),
    asOf,
    drops: explanation.drops.map(dropMarker),
    ranges,
  };
}

function valueOf(e: HistoryDocument["events"][number]): number | null {
  if ("amount" in e) return e.amount;
  if (e.type === "limit") return e.limit;
  if (e.type === "score") return e.score;
  if (e.type === "asset") return e.balance;
  return null;
}

/** Days of the drop page's chart before and after the drop. */
export type DropZoomWindow = { before?: number; after?: number };
export const DROP_ZOOM_DAYS = { before: 180, after: 30 } as const;

/** The first and last day (day numbers) of a whole history, for a zoom built from part of it. */
export type HistorySpan = { firstDay: number; lastDay: number };

/**
 * The drop page's chart: `before` days up to the drop and `after` days past it, with every
 * evidence event of the drop's reasons marked (ids as the core gives them).
 */
export function buildDropZoom(
  doc: HistoryDocument,
  explanation: Pick<Explanation, "drops">,
  date: string,
  options: TimelineOptions & DropZoomWindow & { span?: HistorySpan } = {},
): DropZoom | null {
  const drop = explanation.drops.find((x) => x.date === date);
  if (!drop) return null;
  const opts = { ...DEFAULTS, ...options };
  const { p, events } = prepare(doc, explanation.drops);
  const d = dayNumber(date);
  const from = Math.max(options.span?.firstDay ?? p.firstDay ?? d, d - (options.before ?? DROP_ZOOM_DAYS.before));
  const to = Math.min(options.span?.lastDay ?? p.lastDay ?? d, d + (options.after ?? DROP_ZOOM_DAYS.after));
  const byId = new Map<string, ReasonCode[]>();
  for (const r of drop.reasons) for (const id of r.evidence.eventIds) byId.set(id, [...(byId.get(id) ?? []), r.code]);
  // One mark per day and type (a crafted history can cite thousands of events, each a prop of the
  // client chart): inside the window at most its ~210 days a type; outside it, where nothing is
  // drawn, one a type, which still switches on that type's lane. `n` keeps every event counted.
  const evidence: EvidenceMark[] = [];
  const merged = new Map<string, EvidenceMark>();
  for (const ev of events) {
    const reasons = byId.get(ev.id);
    if (!reasons) continue;
    const key = ev.day >= from && ev.day <= to ? `${ev.day}|${ev.type}` : `out|${ev.type}`;
    const mark = merged.get(key);
    if (!mark) {
      const fresh = { id: ev.id, d: ev.day, type: ev.type, value: valueOf(ev.event), reasons, n: 1 };
      merged.set(key, fresh);
      evidence.push(fresh);
      continue;
    }
    mark.n += 1;
    for (const r of reasons) if (!mark.reasons.includes(r)) mark.reasons = [...mark.reasons, r];
  }
  return {
    range: buildRange(p, "zoom", from, to, opts),
    drop: dropMarker(drop),
    evidence,
    currency: doc.borrower.currency,
    scoreScale: doc.borrower.scoreScale,
    bands: scoreBands(doc.borrower.scoreScale),
  };
}
