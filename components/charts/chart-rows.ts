/**
 * Recharts draws from one array of rows sharing an x. This merges the range's series and
 * overlay buckets into such rows (pure, so it is tested without a browser).
 */
import type { OverlayKind, Point, TimelineRange } from "@/lib/timeline/types";

export interface ChartRow {
  d: number;
  limit?: number;
  score?: number;
  /** Overlay bucket at this x: events counted and amount summed. */
  borrow?: number;
  borrowSum?: number;
  repayment?: number;
  repaymentSum?: number;
  inquiry?: number;
  notice?: number;
  /** Fixed lane heights for the activity strip (one lane per overlay kind). */
  lane_borrow?: number;
  lane_repayment?: number;
  lane_inquiry?: number;
  lane_notice?: number;
  /** The limit held past the range's last day to the padded axis end: drawn, but not a day with data. */
  held?: boolean;
}

export const LANE: Record<OverlayKind, number> = { borrow: 4, repayment: 3, inquiry: 2, notice: 1 };

export function chartRows(range: TimelineRange, overlays: ReadonlySet<OverlayKind>): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  const row = (d: number) => {
    let r = rows.get(d);
    if (!r) rows.set(d, (r = { d }));
    return r;
  };
  const put = (pts: Point[], key: "limit" | "score") => pts.forEach(([d, v]) => (row(d)[key] = v));
  put(range.limit, "limit");
  put(range.score, "score");
  for (const kind of overlays) {
    for (const [d, n, sum] of range.overlays[kind]) {
      const r = row(d);
      r[kind] = n;
      r[`lane_${kind}`] = LANE[kind];
      if (kind === "borrow") r.borrowSum = sum;
      if (kind === "repayment") r.repaymentSum = sum;
    }
  }
  return [...rows.values()].sort((a, b) => a.d - b.d);
}

/** A score axis that shows the movement: the scale's ends only when the data come near them. */
export function scoreDomain(points: Point[], scale: { min: number; max: number }): [number, number] {
  if (points.length === 0) return [scale.min, scale.max];
  let lo = Infinity;
  let hi = -Infinity;
  for (const [, v] of points) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const pad = Math.max(20, Math.round((scale.max - scale.min) / 30));
  const step = 50;
  return [Math.max(scale.min, Math.floor((lo - pad) / step) * step), Math.min(scale.max, Math.ceil((hi + pad) / step) * step)];
}

export const DAY_MS = 86_400_000;
/** Day numbers are UTC midnights of calendar days: format them in UTC to keep the day. */
export const dayToDate = (d: number) => new Date(d * DAY_MS);
