/** The dashboard chart's data: built on the server, small enough to ship for every range at once. */
import type { Drop, ReasonCode } from "@/lib/core/types";
import type { Point } from "./lttb";

export type { Point };
export const RANGE_KEYS = ["3m", "1y", "all"] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];
export const OVERLAY_KINDS = ["borrow", "repayment", "inquiry", "notice"] as const;
export type OverlayKind = (typeof OVERLAY_KINDS)[number];

/** [first day of bucket, events in it, summed amount (0 for inquiries and notices)]. */
export type Bucket = [number, number, number];

export interface ScoreBand {
  /** Stable key for the legend text: poor, fair, good, veryGood, excellent. */
  key: string;
  from: number;
  to: number;
}

export interface DropMarker {
  /** Day number (days since 1970-01-01) — the chart's x. */
  d: number;
  date: string;
  previousLimit: number;
  newLimit: number;
  kind: Drop["kind"];
  temporary: boolean;
  mainReason: ReasonCode | null;
}

export interface TimelineRange {
  key: RangeKey | "zoom";
  from: number;
  to: number;
  /** Step-wise: each value holds until the next point (render as stepAfter). */
  limit: Point[];
  score: Point[];
  /** Width of one overlay bucket in days (1 for short ranges: every event on its own day). */
  bucketDays: number;
  overlays: Record<OverlayKind, Bucket[]>;
}

export interface TimelineData {
  currency: string;
  product: string;
  scoreScale: { min: number; max: number };
  bands: ScoreBand[];
  /** Last day with data: ranges end here, not at today, so a stale history still shows its story. */
  asOf: number | null;
  drops: DropMarker[];
  ranges: Record<RangeKey, TimelineRange>;
}

/** An event a drop's explanation rests on, drawn on the drop page's zoomed chart. */
export interface EvidenceMark {
  id: string;
  d: number;
  type: string;
  /** Amount, limit or score the event carries, when it carries one. */
  value: number | null;
  reasons: ReasonCode[];
  /** Evidence events this mark stands for: those of its day and type (value and id: the first's). */
  n: number;
}

export interface DropZoom {
  range: TimelineRange;
  drop: DropMarker;
  evidence: EvidenceMark[];
  currency: string;
  scoreScale: { min: number; max: number };
  bands: ScoreBand[];
}
