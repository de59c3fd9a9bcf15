"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { OVERLAY_KINDS, RANGE_KEYS, type DropMarker, type OverlayKind, type RangeKey, type TimelineData } from "@/lib/timeline/types";
import { usePalette } from "./chart-theme";
import { useChartFormat } from "./use-chart-format";

/** TimelineView's own heights: the chart, and the activity strip below it when overlays are on. */
const CHART_HEIGHT = 280;
const stripHeight = (overlays: number) => (overlays > 0 ? 28 + overlays * 14 : 0);

/*
 * Recharts is most of the dashboard's JavaScript: loaded after the page, never rendered on the
 * server (ResponsiveContainer draws nothing there anyway), so the headline, health card and drop
 * list paint first on a slow phone. The skeleton takes the chart's exact height and the wrapper
 * below reserves the strip's, so nothing moves when it arrives (CLS 0).
 */
const TimelineView = dynamic(() => import("./timeline-view").then((m) => m.TimelineView), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="w-full animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" style={{ height: CHART_HEIGHT }} />,
});

/** The newest drops as chips; older ones wait behind "show more" so ten years stay readable. */
const SHOWN_DROPS = 6;

function DropLinks({ drops, fmt, temporary }: { drops: DropMarker[]; fmt: ReturnType<typeof useChartFormat>; temporary: string }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {drops.map((drop) => (
        <li key={drop.date}>
          <Link
            href={`/drops/${drop.date}`}
            className="inline-flex min-h-10 items-center gap-2 rounded-lg border border-rose-200 bg-rose-50 px-3 text-sm text-rose-900 hover:bg-rose-100 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-100 dark:hover:bg-rose-900"
          >
            <span className="font-medium">{fmt.day(drop.d)}</span>
            <span>
              {fmt.money(drop.previousLimit)} → {fmt.money(drop.newLimit)}
            </span>
            {drop.temporary ? <span className="text-xs">({temporary})</span> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Starts on one year, or on everything when the latest drop is older: the story is on screen. */
function initialRange(data: TimelineData): RangeKey {
  const last = data.drops[data.drops.length - 1];
  return !last || last.d >= data.ranges["1y"].from ? "1y" : "all";
}

/**
 * The dashboard chart: range buttons, overlay toggles, the chart, and the drops of the range as a
 * list of links (the keyboard and screen-reader path to the same markers the chart draws).
 */
export function TimelineChart({ data }: { data: TimelineData }) {
  const t = useTranslations("experience.chart");
  const palette = usePalette();
  const fmt = useChartFormat(data.currency);
  const [rangeKey, setRangeKey] = useState<RangeKey>(() => initialRange(data));
  const [overlays, setOverlays] = useState<ReadonlySet<OverlayKind>>(() => new Set<OverlayKind>(["borrow", "inquiry"]));
  const id = useId();
  const range = data.ranges[rangeKey];
  const drops = data.drops.filter((x) => x.d >= range.from && x.d <= range.to);
  const toggle = (k: OverlayKind) =>
    setOverlays((prev) => {
      const next = new Set(prev);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });

  return (
    <figure aria-labelledby={`${id}-title`} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption id={`${id}-title`} className="text-base font-semibold">
          {t("title")}
        </figcaption>
        <div role="group" aria-label={t("rangeLabel")} className="inline-flex rounded-lg border border-slate-300 p-0.5 dark:border-slate-700">
          {RANGE_KEYS.map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={k === rangeKey}
              onClick={() => setRangeKey(k)}
              className={`min-h-10 min-w-12 rounded-md px-3 text-sm font-medium ${
                k === rangeKey ? "bg-brand-600 text-white dark:bg-brand-500 dark:text-slate-950" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              }`}
            >
              {t(`range.${k}`)}
            </button>
          ))}
        </div>
      </div>

      <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400" aria-hidden="true">
        <span className="inline-flex items-center gap-1.5">
          <span className="h-0.5 w-4" style={{ background: palette.limit }} /> {t("limit")}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="h-0.5 w-4" style={{ background: palette.score }} /> {t("score")}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="h-2.5 w-2.5 rounded-full" style={{ background: palette.drop }} /> {t("drop")}
        </span>
      </div>

      <p className="sr-only">{t("summary", { drops: drops.length, from: fmt.day(range.from), to: fmt.day(range.to) })}</p>
      <div style={{ minHeight: CHART_HEIGHT + stripHeight(overlays.size) }}>
        <TimelineView
          range={range}
          drops={data.drops}
          bands={data.bands}
          scoreScale={data.scoreScale}
          currency={data.currency}
          overlays={overlays}
          height={CHART_HEIGHT}
        />
      </div>

      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">{t("overlaysLabel")}</legend>
        {OVERLAY_KINDS.map((k) => (
          <label
            key={k}
            className="inline-flex min-h-10 cursor-pointer items-center gap-2 rounded-full border border-slate-300 px-3 text-sm has-[:checked]:border-transparent has-[:checked]:bg-slate-100 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 dark:border-slate-700 dark:has-[:checked]:bg-slate-800"
          >
            <input type="checkbox" className="sr-only" checked={overlays.has(k)} onChange={() => toggle(k)} />
            <span className="h-2.5 w-2.5 rounded-full" style={{ background: overlays.has(k) ? palette.overlays[k] : "transparent", border: `1.5px solid ${palette.overlays[k]}` }} />
            {t(`overlay.${k}`)}
          </label>
        ))}
      </fieldset>

      {drops.length > 0 ? (
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700 dark:text-slate-300">{t("dropsInRange", { count: drops.length })}</h3>
          <DropLinks drops={[...drops].reverse().slice(0, SHOWN_DROPS)} fmt={fmt} temporary={t("temporary")} />
          {drops.length > SHOWN_DROPS ? (
            <details className="mt-2">
              <summary className="inline-flex min-h-10 cursor-pointer items-center text-sm text-brand-700 dark:text-brand-300">{t("moreDrops", { count: drops.length - SHOWN_DROPS })}</summary>
              <DropLinks drops={[...drops].reverse().slice(SHOWN_DROPS)} fmt={fmt} temporary={t("temporary")} />
            </details>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("noDropsInRange")}</p>
      )}
    </figure>
  );
}
