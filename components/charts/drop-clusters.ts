/**
 * Drop markers the dashboard chart can carry whatever the history: with hundreds of drops (34
 * years, or a crafted history with a drop every few days) one marker each was ~1 MB of HTML and
 * client props, and markers lying on top of each other that no finger could tell apart. Pure.
 */
import type { DropMarker } from "@/lib/timeline/types";

/** At most this many markers on one chart: one per 1/24 of its width (~12 px apart on a phone). */
export const MAX_DROP_MARKERS = 24;

export interface DropCluster {
  /** The biggest fall in the cluster (by amount, then the newest): the marker sits on it and opens it. */
  drop: DropMarker;
  /** Drops in the cluster, at least 1. */
  count: number;
  /** Its first and last drop's dates (equal for one drop). */
  first: string;
  last: string;
}

const fall = (x: DropMarker) => x.previousLimit - x.newLimit;

/**
 * The drops in [from, to] grouped into `bins` equal slices of that span, one cluster per slice
 * holding any: every drop counted in exactly one cluster, in date order, never more than `bins`.
 */
export function clusterDrops(drops: readonly DropMarker[], from: number, to: number, bins = MAX_DROP_MARKERS): DropCluster[] {
  const inRange = drops.filter((x) => x.d >= from && x.d <= to).sort((a, b) => a.d - b.d);
  const width = Math.max(1, to - from) / bins;
  const out: DropCluster[] = [];
  let bin = -1;
  for (const x of inRange) {
    const b = Math.min(bins - 1, Math.floor((x.d - from) / width));
    const last = out[out.length - 1];
    if (b !== bin || !last) {
      out.push({ drop: x, count: 1, first: x.date, last: x.date });
      bin = b;
      continue;
    }
    last.count += 1;
    last.last = x.date;
    if (fall(x) >= fall(last.drop)) last.drop = x;
  }
  return out;
}

/**
 * The one drop of the range whose limits reach highest: all the limit axis needs from the drops
 * (timelineAxes), so the client chart gets it instead of every drop as props.
 */
export function axisDrops(drops: readonly DropMarker[], from: number, to: number): DropMarker[] {
  let top: DropMarker | null = null;
  const high = (x: DropMarker) => Math.max(x.previousLimit, x.newLimit);
  for (const x of drops) if (x.d >= from && x.d <= to && (!top || high(x) > high(top))) top = x;
  return top ? [top] : [];
}
