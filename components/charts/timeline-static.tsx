import Link from "next/link";
import type { OverlayKind } from "@/lib/timeline/types";
import type { ChartFormat } from "./chart-format";
import { PLOT_BOX, PLOT_HEIGHT, PLOT_UNITS, STRIP_PAD, stripHeight, type PlacedDrop, type TimelinePlot } from "./timeline-plot";

/*
 * The timeline drawn on the server: no JavaScript, no measuring. Lines, bands and grid live in an
 * SVG whose 0..1000 units stretch over the plot box (strokes keep their width); tick labels and drop
 * markers are HTML placed in percent of the box, so text and circles never stretch. Colours are the
 * palette's CSS variables (paletteCss), dark mode included. The box is Recharts' own, so the
 * interactive chart that may replace this one (timeline-interactive.tsx) lands on the same pixels.
 */

const plotBox = { left: PLOT_BOX.left, top: PLOT_BOX.top, width: `calc(100% - ${PLOT_BOX.left + PLOT_BOX.right}px)`, height: PLOT_HEIGHT } as const;
const line = { vectorEffect: "non-scaling-stroke", fill: "none" } as const;
const xAt = (left: number) => `calc(${PLOT_BOX.left}px + (100% - ${PLOT_BOX.left + PLOT_BOX.right}px) * ${left / 100})`;

/** The picture of the chart (decorative: the summary and the drop links carry its content). */
export function TimelineStaticPlot({ plot, fmt, spanDays, laneLabel }: { plot: TimelinePlot; fmt: ChartFormat; spanDays: number; laneLabel: (kind: OverlayKind) => string }) {
  const units = (px: number) => Math.round((px / PLOT_HEIGHT) * PLOT_UNITS * 10) / 10;
  const grid = plot.limitTicks.map((t) => `M0 ${units(t.top)}H${PLOT_UNITS}`).join("");
  const strip = stripHeight(plot.lanes.length);
  return (
    <div aria-hidden="true" data-chart="static">
      <div className="relative w-full text-[11px] leading-none" style={{ height: PLOT_BOX.height, color: "var(--tl-axis)" }}>
        <svg className="absolute overflow-hidden" style={plotBox} viewBox={`0 0 ${PLOT_UNITS} ${PLOT_UNITS}`} preserveAspectRatio="none">
          {plot.bands.map((b) => (
            <rect key={b.key} x={0} y={b.y} width={PLOT_UNITS} height={b.height} style={{ fill: `var(--tl-band-${b.key})`, fillOpacity: 0.3 }} />
          ))}
          <path d={grid} style={{ ...line, stroke: "var(--tl-grid)" }} />
          <path d={`M0 0V${PLOT_UNITS}H${PLOT_UNITS}V0`} style={{ ...line, stroke: "var(--tl-grid)" }} />
          <path d={plot.scorePath} style={{ ...line, stroke: "var(--tl-score)", strokeWidth: 1.5 }} />
          <path d={plot.limitPath} style={{ ...line, stroke: "var(--tl-limit)", strokeWidth: 2.5 }} />
        </svg>
        {plot.limitTicks.map((t) => (
          <span key={`l${t.v}`} className="absolute whitespace-nowrap" style={{ right: `calc(100% - ${PLOT_BOX.left - 8}px)`, top: PLOT_BOX.top + t.top, transform: "translateY(-50%)" }}>
            {fmt.compactMoney(t.v)}
          </span>
        ))}
        {plot.scoreTicks.map((t) => (
          <span key={`s${t.v}`} className="absolute whitespace-nowrap" style={{ left: `calc(100% - ${PLOT_BOX.right - 8}px)`, top: PLOT_BOX.top + t.top, transform: "translateY(-50%)" }}>
            {t.v}
          </span>
        ))}
        {plot.xTicks.map((t) => (
          <span key={`x${t.d}`} className="absolute whitespace-nowrap" style={{ left: xAt(t.left), top: PLOT_BOX.top + PLOT_HEIGHT + 8, transform: "translateX(-50%)" }}>
            {fmt.tick(t.d, spanDays)}
          </span>
        ))}
      </div>
      {strip > 0 ? (
        <div className="relative w-full text-[10px] leading-none" style={{ height: strip, color: "var(--tl-axis)" }}>
          {/* Each lane named in the left gutter, where the limit axis's labels stand above. */}
          {plot.lanes.map((lane) => (
            <span
              key={`n${lane.kind}`}
              className="absolute truncate text-right"
              style={{ right: `calc(100% - ${PLOT_BOX.left - 6}px)`, width: PLOT_BOX.left - 6, top: STRIP_PAD + (lane.y / PLOT_UNITS) * (strip - 2 * STRIP_PAD), transform: "translateY(-50%)" }}
            >
              {laneLabel(lane.kind)}
            </span>
          ))}
          <svg
            className="absolute overflow-visible"
            style={{ ...plotBox, top: STRIP_PAD, height: strip - 2 * STRIP_PAD }}
            viewBox={`0 0 ${PLOT_UNITS} ${PLOT_UNITS}`}
            preserveAspectRatio="none"
          >
            {plot.lanes.map((lane) => (
              // A zero-length segment with round caps is a dot of the stroke's width: round however the SVG stretches.
              <path
                key={lane.kind}
                d={lane.xs.map((x) => `M${x} ${lane.y}h0`).join("")}
                style={{ ...line, stroke: `var(--tl-overlay-${lane.kind})`, strokeWidth: 9, strokeLinecap: "round" }}
              />
            ))}
          </svg>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Drop markers as real links over whichever chart is drawn: focusable, named, and working without
 * JavaScript. A 44px target around the visible dot. A marker standing for several drops close
 * together shows their count and opens the biggest of them; the list below the chart has them all.
 */
export function TimelineDropMarkers({ plot, label }: { plot: TimelinePlot; label: (placed: PlacedDrop) => string }) {
  return (
    <div className="pointer-events-none absolute" style={plotBox}>
      {plot.drops.map((placed) => {
        const { drop, left, top, cluster } = placed;
        const name = label(placed);
        return (
          <Link
            key={drop.date}
            href={`/drops/${drop.date}`}
            prefetch={false}
            aria-label={name}
            title={name}
            className="group pointer-events-auto absolute grid size-11 -translate-x-1/2 -translate-y-1/2 place-items-center rounded-full outline-none"
            style={{ left: `${left}%`, top: `${top}%` }}
            data-cluster={cluster ? cluster.count : undefined}
          >
            <span className="grid size-6 place-items-center rounded-full group-focus-visible:ring-2 group-focus-visible:ring-[var(--tl-axis)]">
              {cluster ? (
                <span
                  className="grid h-5 min-w-5 place-items-center rounded-full border-2 px-0.5 text-[10px] leading-none font-semibold tabular-nums"
                  style={{ background: "var(--tl-drop)", borderColor: "var(--tl-surface)", color: "var(--tl-surface)" }}
                >
                  {cluster.count > 99 ? "99+" : cluster.count}
                </span>
              ) : (
                <span
                  className="block size-3.5 rounded-full border-2"
                  style={{ background: drop.temporary ? "var(--tl-drop-temporary)" : "var(--tl-drop)", borderColor: "var(--tl-surface)" }}
                />
              )}
            </span>
          </Link>
        );
      })}
    </div>
  );
}
