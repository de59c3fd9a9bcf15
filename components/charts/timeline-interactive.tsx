"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType, type ReactNode } from "react";
import type { OverlayKind } from "@/lib/timeline/types";
import type { TimelineViewProps } from "./timeline-view";

type Props = Omit<TimelineViewProps, "overlays" | "drawDrops"> & {
  overlays: readonly OverlayKind[];
  /** The server-drawn chart, shown until the borrower reaches for the chart. */
  plot: ReactNode;
  /** Drop markers (links), kept over whichever chart is shown. */
  markers: ReactNode;
  /** The legend, beside which the "explore" button sits. */
  legend: ReactNode;
  exploreLabel: string;
};

/*
 * Recharts (most of the dashboard's JavaScript, and most of its main-thread time on a phone) is
 * fetched only when the borrower points at, touches or focuses the chart, or asks for the values
 * with the button: until then the server-drawn SVG is the chart, a complete one. Recharts then
 * draws the same data on the same axes in the same box, adding tooltips and arrow-key reading.
 */
export function TimelineInteractive({ plot, markers, legend, exploreLabel, overlays, ...view }: Props) {
  const [View, setView] = useState<ComponentType<TimelineViewProps> | null>(null);
  const started = useRef(false);
  const focusWhenReady = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const overlaySet = useMemo(() => new Set(overlays), [overlays]);

  const load = useCallback(() => {
    if (started.current) return;
    started.current = true;
    import("./timeline-view").then(
      (m) => setView(() => m.TimelineView),
      () => (started.current = false), // offline: the static chart stays, a later gesture retries
    );
  }, []);

  useEffect(() => {
    if (!View || !focusWhenReady.current) return;
    focusWhenReady.current = false;
    // Recharts' accessibility layer: the surface takes focus and the arrow keys walk the days. It
    // draws its surface only once ResponsiveContainer has measured the box, a frame or two later.
    let frame = 0;
    let tries = 0;
    const focus = () => {
      const surface = box.current?.querySelector<SVGElement>("svg[tabindex]");
      if (surface) surface.focus();
      else if (++tries < 120) frame = requestAnimationFrame(focus);
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, [View]);

  return (
    <div>
      <div className="mb-1 flex flex-wrap items-center justify-between gap-x-4">
        {legend}
        <button
          type="button"
          className={`-mr-2 min-h-10 rounded-md px-2 text-xs font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300 ${View ? "invisible" : ""}`}
          onClick={() => {
            focusWhenReady.current = true;
            load();
          }}
        >
          {exploreLabel}
        </button>
      </div>
      {/* Move as well as enter: a page that loads under a resting pointer gets moves but no enter. */}
      <div ref={box} className="relative" data-testid="timeline" onPointerEnter={load} onPointerMove={load} onPointerDown={load} onTouchStart={load} onFocus={load}>
        {View ? <View {...view} overlays={overlaySet} drawDrops={false} /> : plot}
        {markers}
      </div>
    </div>
  );
}
