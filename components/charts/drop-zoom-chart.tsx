"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { DropZoom, OverlayKind } from "@/lib/timeline/types";
import { TimelineView } from "./timeline-view";
import { useChartFormat } from "./use-chart-format";

const OVERLAY_OF: Record<string, OverlayKind> = { borrow: "borrow", repayment: "repayment", inquiry: "inquiry", notice: "notice" };

/**
 * The drop page's chart: the months around one drop, its evidence events shaded, and the overlay
 * lanes of the kinds of events the evidence consists of (nothing to switch on to see the story).
 */
export function DropZoomChart({ zoom }: { zoom: DropZoom }) {
  const t = useTranslations("experience.drop");
  const fmt = useChartFormat(zoom.currency);
  const overlays = useMemo(() => new Set(zoom.evidence.map((e) => OVERLAY_OF[e.type]).filter((k): k is OverlayKind => !!k)), [zoom.evidence]);
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-slate-600 dark:text-slate-400">
        {t("chartCaption", {
          from: fmt.day(zoom.range.from),
          to: fmt.day(zoom.range.to),
          // Only what is on screen: evidence older than the window (an earlier income) is not shaded.
          count: zoom.evidence.filter((e) => e.d >= zoom.range.from && e.d <= zoom.range.to).reduce((n, e) => n + e.n, 0),
        })}
      </figcaption>
      <TimelineView
        range={zoom.range}
        drops={[zoom.drop]}
        bands={zoom.bands}
        scoreScale={zoom.scoreScale}
        currency={zoom.currency}
        overlays={overlays}
        evidence={zoom.evidence}
        focusDate={zoom.drop.date}
        height={240}
      />
    </figure>
  );
}
