/**
 * The timeline's geometry, pure: axes (domains and ticks) shared by the server-drawn SVG and the
 * Recharts chart, so the two draw the same picture, and the static chart's paths and positions.
 * Plot coordinates are normalised to 0..PLOT_UNITS on both axes (y downwards); the SVG stretches
 * them over whatever width the card has (preserveAspectRatio="none", non-scaling strokes).
 */
import type { DropMarker, OverlayKind, Point, ScoreBand, TimelineRange } from "@/lib/timeline/types";
import { DAY_MS, LANE, scoreDomain } from "./chart-rows";
import { clusterDrops } from "./drop-clusters";

/** The main chart's box in px: Recharts' margins plus its axis widths (timeline-view.tsx). */
export const PLOT_BOX = { height: 280, top: 12, bottom: 30, left: 56, right: 44 } as const;
export const PLOT_HEIGHT = PLOT_BOX.height - PLOT_BOX.top - PLOT_BOX.bottom;
export const PLOT_UNITS = 1000;
/** The activity strip below the chart: 28px plus a 14px lane per overlay switched on. */
export const stripHeight = (overlays: number) => (overlays > 0 ? 28 + overlays * 14 : 0);
export const STRIP_PAD = 4;
/** At most this many x ticks: labels of ~50px stay apart on a 390px phone. */
const MAX_X_TICKS = 5;

/** 1, 2, 2.5 or 5 times a power of ten, at least `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const f = rough / mag;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * mag;
}

const clean = (v: number) => Math.round(v * 1e6) / 1e6 + 0; // + 0: no -0 tick

/** Ticks every `step` inside [lo, hi], starting at the first multiple of step. */
function ticksWithin(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9; v += step) out.push(clean(v));
  return out;
}

/** Headroom above the highest limit and footroom below 0, as shares of the axis: a line at the maximum or at 0 never lies on the frame. */
export const LIMIT_HEADROOM = 0.05;
export const LIMIT_FOOTROOM = 0.04;

/**
 * Limit axis: ticked from 0 to the first nice step at least LIMIT_HEADROOM above the highest value
 * (about 5 ticks); the domain starts a little below 0, so a cancelled line (¥0) shows above the
 * bottom edge instead of merging with it.
 */
export function limitAxis(max: number): { domain: [number, number]; ticks: number[] } {
  const foot = (top: number) => clean(-top * LIMIT_FOOTROOM);
  if (!(max > 0)) return { domain: [foot(1), 1], ticks: [0, 1] };
  const step = niceStep(max / 4);
  const top = clean(Math.ceil((max * (1 + LIMIT_HEADROOM)) / step - 1e-9) * step);
  return { domain: [foot(top), top], ticks: ticksWithin(0, top, step) };
}

/**
 * Days past the range's last day: the x axis runs a little beyond it, so a drop on the last date
 * shows its new level as a step (not only a fall along the right edge) and its marker sits inside.
 */
export const xPadDays = (span: number) => Math.max(1, Math.ceil(span * 0.04));

/** A step series held at its last value to `end` (the padded axis end), for both charts. */
export function holdToEnd(pts: readonly Point[], end: number): Point[] {
  const last = pts[pts.length - 1];
  return last && last[0] < end ? [...pts, [end, last[1]]] : [...pts];
}

/** Score axis: scoreDomain()'s window, ticked at nice steps inside it. */
export function scoreAxis(points: Point[], scale: { min: number; max: number }): { domain: [number, number]; ticks: number[] } {
  const [lo, hi] = scoreDomain(points, scale);
  return { domain: [lo, hi], ticks: ticksWithin(lo, hi, niceStep((hi - lo) / 4)) };
}

const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 36, 60, 120];

/** Calendar x ticks: the first days of months (or of years), at most MAX_X_TICKS in [from, to]. */
export function timeTicks(from: number, to: number): number[] {
  const start = new Date(from * DAY_MS);
  const end = new Date(to * DAY_MS);
  const firstMonth = start.getUTCFullYear() * 12 + start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1);
  const lastMonth = end.getUTCFullYear() * 12 + end.getUTCMonth();
  for (const step of MONTH_STEPS) {
    const months: number[] = [];
    for (let m = Math.ceil(firstMonth / step) * step; m <= lastMonth; m += step) months.push(m);
    if (months.length <= MAX_X_TICKS) return months.map((m) => Math.round(Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY_MS));
  }
  return [from, to];
}

export interface TimelineAxes {
  x: { domain: [number, number]; ticks: number[] };
  limit: { domain: [number, number]; ticks: number[] };
  /** No ticks when the range has no score: a score axis without a score only confuses. */
  score: { domain: [number, number]; ticks: number[] };
  hasScore: boolean;
}

/** Both charts' axes for one range; drops shown in it count towards the limit axis. */
export function timelineAxes(range: TimelineRange, drops: readonly DropMarker[], scoreScale: { min: number; max: number }): TimelineAxes {
  let max = 0;
  for (const [, v] of range.limit) max = Math.max(max, v);
  for (const x of drops) if (x.d >= range.from && x.d <= range.to) max = Math.max(max, x.newLimit, x.previousLimit);
  const hasScore = range.score.length > 0;
  const score = scoreAxis(range.score, scoreScale);
  const end = Math.max(range.to, range.from + 1);
  return {
    x: { domain: [range.from, end + xPadDays(end - range.from)], ticks: timeTicks(range.from, range.to) },
    limit: limitAxis(max),
    score: hasScore ? score : { domain: score.domain, ticks: [] },
    hasScore,
  };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** A linear map from a domain onto 0..PLOT_UNITS (reversed: values grow upwards). */
export function scale([lo, hi]: [number, number], reversed = false): (v: number) => number {
  const span = hi - lo || 1;
  return reversed ? (v) => ((hi - v) / span) * PLOT_UNITS : (v) => ((v - lo) / span) * PLOT_UNITS;
}

/** Recharts' "stepAfter": each value holds until the next point's x. */
export function stepAfterPath(pts: readonly Point[]): string {
  if (pts.length === 0) return "";
  let d = `M${r1(pts[0]![0])} ${r1(pts[0]![1])}`;
  for (let i = 1; i < pts.length; i++) d += `H${r1(pts[i]![0])}V${r1(pts[i]![1])}`;
  return d;
}

const sign = (v: number) => (v < 0 ? -1 : 1);

/**
 * Recharts' "monotone" (d3's curveMonotoneX, Steffen's method): a smooth line through every point
 * that never overshoots between them. Invariant under scaling either axis, so it may be computed
 * in normalised units and stretched.
 */
export function monotonePath(pts: readonly Point[]): string {
  const n = pts.length;
  if (n === 0) return "";
  const [x0, y0] = pts[0]!;
  if (n === 1) return `M${r1(x0)} ${r1(y0)}`;
  if (n === 2) return `M${r1(x0)} ${r1(y0)}L${r1(pts[1]![0])} ${r1(pts[1]![1])}`;
  // Tangent at each point: interior from its two secants, ends from their one secant.
  const t: number[] = new Array<number>(n);
  for (let i = 1; i < n - 1; i++) {
    const [xa, ya] = pts[i - 1]!;
    const [xb, yb] = pts[i]!;
    const [xc, yc] = pts[i + 1]!;
    const h0 = xb - xa;
    const h1 = xc - xb;
    const s0 = h0 ? (yb - ya) / h0 : 0;
    const s1 = h1 ? (yc - yb) / h1 : 0;
    const p = h0 + h1 ? (s0 * h1 + s1 * h0) / (h0 + h1) : 0;
    t[i] = (sign(s0) + sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
  }
  const end = (a: Point, b: Point, tangent: number) => {
    const h = b[0] - a[0];
    return h ? (3 * (b[1] - a[1])) / h / 2 - tangent / 2 : tangent;
  };
  t[0] = end(pts[0]!, pts[1]!, t[1]!);
  t[n - 1] = end(pts[n - 2]!, pts[n - 1]!, t[n - 2]!);
  let d = `M${r1(x0)} ${r1(y0)}`;
  for (let i = 1; i < n; i++) {
    const [xa, ya] = pts[i - 1]!;
    const [xb, yb] = pts[i]!;
    const dx = (xb - xa) / 3;
    d += `C${r1(xa + dx)} ${r1(ya + dx * t[i - 1]!)} ${r1(xb - dx)} ${r1(yb - dx * t[i]!)} ${r1(xb)} ${r1(yb)}`;
  }
  return d;
}

export interface PlacedDrop {
  /** The drop the marker opens: for a cluster, its biggest fall. */
  drop: DropMarker;
  /** Set when the marker stands for several drops close together (drop-clusters.ts). */
  cluster?: { count: number; first: string; last: string };
  /** Percent of the plot's width and height from its top left. */
  left: number;
  top: number;
}

export interface TimelinePlot {
  axes: TimelineAxes;
  /** Tick positions: x in percent of the plot's width, y in px from the plot's top. */
  xTicks: { d: number; left: number }[];
  limitTicks: { v: number; top: number }[];
  scoreTicks: { v: number; top: number }[];
  limitPath: string;
  scorePath: string;
  bands: { key: string; y: number; height: number }[];
  /** At most MAX_DROP_MARKERS, however many drops the range holds. */
  drops: PlacedDrop[];
  /** Activity strip: per overlay switched on, its lane's y (0..PLOT_UNITS) and its buckets' x. */
  lanes: { kind: OverlayKind; y: number; xs: number[] }[];
}

const pct = (units: number) => Math.round((units / PLOT_UNITS) * 10000) / 100;

/**
 * Everything the static chart draws for one range: the same data, domains and ticks as the
 * Recharts chart given the same arguments.
 */
export function timelinePlot(
  range: TimelineRange,
  drops: readonly DropMarker[],
  bands: readonly ScoreBand[],
  scoreScale: { min: number; max: number },
  overlays: ReadonlySet<OverlayKind>,
): TimelinePlot {
  const axes = timelineAxes(range, drops, scoreScale);
  const sx = scale(axes.x.domain);
  const sl = scale(axes.limit.domain, true);
  const ss = scale(axes.score.domain, true);
  const px = (units: number) => Math.round((units / PLOT_UNITS) * PLOT_HEIGHT * 10) / 10;
  const [scoreLo, scoreHi] = axes.score.domain;
  const kinds = (["borrow", "repayment", "inquiry", "notice"] as const).filter((k) => overlays.has(k));
  const laneY = scale([0.5, 4.5], true);
  return {
    axes,
    xTicks: axes.x.ticks.map((d) => ({ d, left: pct(sx(d)) })),
    limitTicks: axes.limit.ticks.map((v) => ({ v, top: px(sl(v)) })),
    scoreTicks: axes.score.ticks.map((v) => ({ v, top: px(ss(v)) })),
    limitPath: stepAfterPath(holdToEnd(range.limit, axes.x.domain[1]).map(([d, v]) => [sx(d), sl(v)])),
    scorePath: monotonePath(range.score.map(([d, v]) => [sx(d), ss(v)])),
    bands: (axes.hasScore ? bands : [])
      .map((b) => ({ key: b.key, lo: Math.max(b.from, scoreLo), hi: Math.min(b.to, scoreHi) }))
      .filter((b) => b.hi > b.lo)
      .map((b) => ({ key: b.key, y: r1(ss(b.hi)), height: r1(ss(b.lo) - ss(b.hi)) })),
    drops: clusterDrops(drops, range.from, range.to).map(({ drop, count, first, last }) => ({
      drop,
      ...(count > 1 ? { cluster: { count, first, last } } : {}),
      left: pct(sx(drop.d)),
      top: pct(sl(drop.newLimit)),
    })),
    lanes: kinds.map((kind) => ({ kind, y: r1(laneY(LANE[kind])), xs: range.overlays[kind].map(([d]) => r1(sx(d))) })),
  };
}
