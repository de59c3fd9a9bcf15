"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceDot,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import type { DropMarker, EvidenceMark, OverlayKind, ScoreBand, TimelineRange } from "@/lib/timeline/types";
import { chartRows, LANE } from "./chart-rows";
import { usePalette } from "./chart-theme";
import { ChartTooltip } from "./chart-tooltip";
import { timelineAxes } from "./timeline-plot";
import { useChartFormat } from "./use-chart-format";

export interface TimelineViewProps {
  range: TimelineRange;
  drops: DropMarker[];
  bands: ScoreBand[];
  scoreScale: { min: number; max: number };
  currency: string;
  overlays: ReadonlySet<OverlayKind>;
  evidence?: EvidenceMark[];
  /** The drop the page is about: drawn larger, not a link to itself. */
  focusDate?: string;
  height?: number;
  /** False where the drop markers are drawn over the chart as links (the dashboard). */
  drawDrops?: boolean;
}

/**
 * Limit (step line, left axis) and score (right axis, bands shaded) over one range, drop markers
 * that open their drop page, and below it an activity strip of the overlays switched on.
 */
export function TimelineView({ range, drops, bands, scoreScale, currency, overlays, evidence, focusDate, height = 280, drawDrops = true }: TimelineViewProps) {
  const t = useTranslations("experience.chart");
  const tLane = useTranslations("firstVisit.chart.lane");
  const palette = usePalette();
  const fmt = useChartFormat(currency);
  const router = useRouter();
  const visibleDrops = drawDrops ? drops.filter((x) => x.d >= range.from && x.d <= range.to) : [];
  // The same axes as the server-drawn chart (timeline-static.tsx), so swapping one for the other moves nothing.
  const axes = useMemo(() => timelineAxes(range, drops, scoreScale), [range, drops, scoreScale]);
  const rows = useMemo(() => {
    const out = chartRows(range, overlays);
    // Hold the limit to the padded end of the axis, as the static chart does (holdToEnd): a drop on
    // the last day then shows its new level.
    const lastLimit = range.limit[range.limit.length - 1];
    if (lastLimit && lastLimit[0] < axes.x.domain[1]) out.push({ d: axes.x.domain[1], limit: lastLimit[1], held: true });
    return out;
  }, [range, overlays, axes]);
  const laneKinds = (["borrow", "repayment", "inquiry", "notice"] as const).filter((k) => overlays.has(k));
  const [scoreLo, scoreHi] = axes.score.domain;
  const span = range.to - range.from;
  const evidenceOnLine = (evidence ?? []).filter((e) => e.d >= range.from && e.d <= range.to);
  // An evidence day is at least ~1% of the width wide (one day of a seven-month zoom is under 2px on
  // a phone), and at most a day wide, and then at most 4% of a very short range.
  const evidenceHalf = Math.max(span * 0.006, Math.min(0.5, span * 0.02));

  const xAxis = (hide: boolean) => (
    <XAxis
      dataKey="d"
      type="number"
      domain={axes.x.domain}
      ticks={axes.x.ticks}
      interval={0}
      allowDataOverflow
      hide={hide}
      tickFormatter={(d: number) => fmt.tick(d, span)}
      tick={{ fill: palette.axis, fontSize: 11 }}
      stroke={palette.grid}
      minTickGap={28}
    />
  );

  return (
    <div>
      {/* SVG groups draw no CSS outline: the keyboard focus of a marker is a ring drawn here. */}
      <style>{`.drop-marker{outline:none}.drop-marker-ring{opacity:0}.drop-marker:focus-visible .drop-marker-ring{opacity:1}`}</style>
      <div style={{ height }} className="w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} syncId={`tl-${range.key}`} margin={{ top: 12, right: 4, bottom: 0, left: 4 }}>
            <CartesianGrid stroke={palette.grid} vertical={false} />
            {xAxis(false)}
            <YAxis
              yAxisId="limit"
              width={52}
              tickFormatter={fmt.compactMoney}
              tick={{ fill: palette.axis, fontSize: 11 }}
              stroke={palette.grid}
              domain={axes.limit.domain}
              ticks={axes.limit.ticks}
              interval={0}
            />
            {/* Without a score the axis keeps its width (the static chart's box) but draws nothing. */}
            <YAxis
              yAxisId="score"
              orientation="right"
              width={40}
              domain={axes.score.domain}
              ticks={axes.score.ticks}
              interval={0}
              allowDataOverflow
              tick={axes.hasScore ? { fill: palette.axis, fontSize: 11 } : false}
              axisLine={axes.hasScore}
              tickLine={axes.hasScore}
              stroke={palette.grid}
            />
            {(axes.hasScore ? bands : []).map((b) => (
              <ReferenceArea
                key={b.key}
                yAxisId="score"
                y1={Math.max(b.from, scoreLo)}
                y2={Math.min(b.to, scoreHi)}
                fill={palette.bands[b.key]}
                fillOpacity={0.3}
                ifOverflow="hidden"
                stroke="none"
              />
            ))}
            <Tooltip content={<ChartTooltip currency={currency} />} cursor={{ stroke: palette.axis, strokeDasharray: "3 3" }} />
            <Line
              yAxisId="score"
              dataKey="score"
              name={t("score")}
              type="monotone"
              stroke={palette.score}
              strokeWidth={1.5}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              yAxisId="limit"
              dataKey="limit"
              name={t("limit")}
              type="stepAfter"
              stroke={palette.limit}
              strokeWidth={2.5}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
            {evidenceOnLine.map((e) => (
              <ReferenceArea
                key={`ev-${e.id}`}
                yAxisId="limit"
                x1={e.d - evidenceHalf}
                x2={e.d + evidenceHalf}
                fill={palette.evidence}
                fillOpacity={0.28}
                stroke={palette.evidence}
                strokeOpacity={0.5}
                ifOverflow="hidden"
              />
            ))}
            {visibleDrops.map((drop) => {
              const focus = drop.date === focusDate;
              const label = t("dropMarker", { date: fmt.day(drop.d), from: fmt.money(drop.previousLimit), to: fmt.money(drop.newLimit) });
              return (
                <ReferenceDot
                  key={drop.date}
                  yAxisId="limit"
                  x={drop.d}
                  y={drop.newLimit}
                  ifOverflow="extendDomain"
                  shape={(props: { cx?: number; cy?: number }) => (
                    <g
                      className="drop-marker"
                      role={focus ? "img" : "link"}
                      aria-label={label}
                      tabIndex={focus ? undefined : 0}
                      style={{ cursor: focus ? "default" : "pointer" }}
                      onClick={() => !focus && router.push(`/drops/${drop.date}`)}
                      onKeyDown={(ev) => {
                        if (!focus && (ev.key === "Enter" || ev.key === " ")) {
                          ev.preventDefault();
                          router.push(`/drops/${drop.date}`);
                        }
                      }}
                    >
                      <title>{label}</title>
                      {/* A 44px hit area for fingers around an 8–11px visible marker. */}
                      <circle cx={props.cx} cy={props.cy} r={22} fill="transparent" />
                      <circle className="drop-marker-ring" cx={props.cx} cy={props.cy} r={12} fill="none" stroke={palette.axis} strokeWidth={2} />
                      <circle
                        cx={props.cx}
                        cy={props.cy}
                        r={focus ? 8 : 6}
                        fill={drop.temporary ? palette.dropTemporary : palette.drop}
                        stroke={palette.surface}
                        strokeWidth={2}
                      />
                    </g>
                  )}
                />
              );
            })}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      {overlays.size > 0 ? (
        <div style={{ height: 28 + overlays.size * 14 }} className="w-full" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart
              data={rows}
              syncId={`tl-${range.key}`}
              margin={{ top: 4, right: 44, bottom: 4, left: 4 }}
              // Decorative duplicate of the main chart's x: not a second tab stop for keyboards.
              accessibilityLayer={false}
              tabIndex={-1}
            >
              {xAxis(true)}
              {/* Each lane named in the left gutter (52px, the limit axis's width above). */}
              <YAxis
                yAxisId="lane"
                width={52}
                domain={[0.5, 4.5]}
                ticks={laneKinds.map((k) => LANE[k])}
                interval={0}
                tickFormatter={(v: number) => tLane(laneKinds.find((k) => LANE[k] === v) ?? "borrow")}
                tick={{ fill: palette.axis, fontSize: 10 }}
                axisLine={false}
                tickLine={false}
              />
              <ZAxis dataKey="n" range={[16, 16]} />
              {laneKinds.map((k) => (
                  <Scatter key={k} yAxisId="lane" dataKey={`lane_${k}`} fill={palette.overlays[k]} isAnimationActive={false} shape="circle" />
                ))}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      ) : null}
    </div>
  );
}
