import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { OVERLAY_KINDS, RANGE_KEYS, type DropMarker, type TimelineData } from "@/lib/timeline/types";
import { dayNumber } from "@/lib/core/days";
import { allDropsHref } from "@/components/dashboard/all-drops-href";
import { chartFormat, type ChartFormat } from "./chart-format";
import { axisDrops } from "./drop-clusters";
import { paletteCss } from "./chart-palette";
import { OverlayToggles } from "./overlay-toggles";
import { TimelineInteractive } from "./timeline-interactive";
import { timelineHref, timelineParams, type SearchParams } from "./timeline-params";
import { timelinePlot, type PlacedDrop } from "./timeline-plot";
import { TimelineDropMarkers, TimelineStaticPlot } from "./timeline-static";

/** The newest drops as chips; the rest are a link away, on the dashboard's paged drop list. */
const SHOWN_DROPS = 6;
const PATH = "/dashboard";

function DropLinks({ drops, fmt, temporary }: { drops: DropMarker[]; fmt: ChartFormat; temporary: string }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {drops.map((drop) => (
        <li key={drop.date}>
          <Link
            href={`/drops/${drop.date}`}
            prefetch={false}
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

/**
 * The dashboard chart, rendered on the server: range links and overlay switches driven by the URL,
 * the chart drawn as SVG with its drop markers as links, and the drops of the range as a list of
 * links (the keyboard and screen-reader path to the same markers). Recharts joins only when the
 * borrower reaches for the chart (timeline-interactive.tsx).
 */
export async function TimelineChart({ data, searchParams }: { data: TimelineData; searchParams: SearchParams }) {
  const [t, tLane, locale] = await Promise.all([getTranslations("experience.chart"), getTranslations("firstVisit.chart.lane"), getLocale()]);
  const fmt = chartFormat(locale, data.currency);
  const { range: rangeKey, overlays } = timelineParams(searchParams, data);
  const range = data.ranges[rangeKey];
  const drops = data.drops.filter((x) => x.d >= range.from && x.d <= range.to);
  const plot = timelinePlot(range, data.drops, data.bands, data.scoreScale, new Set(overlays));
  const markerLabel = ({ drop, cluster }: PlacedDrop) => {
    const one = t("dropMarker", { date: fmt.day(drop.d), from: fmt.money(drop.previousLimit), to: fmt.money(drop.newLimit) });
    return cluster ? `${t("clusterMarker", { count: cluster.count, first: fmt.day(dayNumber(cluster.first)), last: fmt.day(dayNumber(cluster.last)) })} ${one}` : one;
  };

  return (
    <figure aria-labelledby="timeline-title" className="tl-chart space-y-3">
      <style>{paletteCss(".tl-chart")}</style>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption id="timeline-title" className="text-base font-semibold">
          {t("title")}
        </figcaption>
        <ul aria-label={t("rangeLabel")} className="inline-flex rounded-lg border border-slate-300 p-0.5 dark:border-slate-700">
          {RANGE_KEYS.map((k) => (
            <li key={k}>
              <Link
                href={timelineHref(PATH, k, overlays)}
                scroll={false}
                prefetch={false}
                aria-current={k === rangeKey ? "true" : undefined}
                className={`inline-flex min-h-10 min-w-12 items-center justify-center rounded-md px-3 text-sm font-medium ${
                  k === rangeKey ? "bg-brand-600 text-white dark:bg-brand-500 dark:text-slate-950" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
                }`}
              >
                {t(`range.${k}`)}
              </Link>
            </li>
          ))}
        </ul>
      </div>

      <p className="sr-only">{t("summary", { drops: drops.length, from: fmt.day(range.from), to: fmt.day(range.to) })}</p>
      <TimelineInteractive
        range={range}
        // The client chart draws no drop markers (the links above it do): it needs the drops only
        // for the limit axis, and every prop rides in the page's payload, so it gets one drop.
        drops={axisDrops(data.drops, range.from, range.to)}
        bands={data.bands}
        scoreScale={data.scoreScale}
        currency={data.currency}
        overlays={overlays}
        exploreLabel={t("explore")}
        legend={
          <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400" aria-hidden="true">
            <span className="inline-flex items-center gap-1.5">
              <span className="h-0.5 w-4" style={{ background: "var(--tl-limit)" }} /> {t("limit")}
            </span>
            {plot.axes.hasScore ? (
              <span className="inline-flex items-center gap-1.5">
                <span className="h-0.5 w-4" style={{ background: "var(--tl-score)" }} /> {t("score")}
              </span>
            ) : null}
            <span className="inline-flex items-center gap-1.5">
              <span className="h-2.5 w-2.5 rounded-full" style={{ background: "var(--tl-drop)" }} /> {t("drop")}
            </span>
          </div>
        }
        plot={<TimelineStaticPlot plot={plot} fmt={fmt} spanDays={range.to - range.from} laneLabel={(kind) => tLane(kind)} />}
        markers={<TimelineDropMarkers plot={plot} label={markerLabel} />}
      />

      <OverlayToggles
        path={PATH}
        range={rangeKey}
        active={overlays}
        items={OVERLAY_KINDS.map((kind) => ({ kind, label: t(`overlay.${kind}`) }))}
        legend={t("overlaysLabel")}
        applyLabel={t("applyOverlays")}
      />

      {drops.length > 0 ? (
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700 dark:text-slate-300">{t("dropsInRange", { count: drops.length })}</h3>
          <DropLinks drops={[...drops].reverse().slice(0, SHOWN_DROPS)} fmt={fmt} temporary={t("temporary")} />
          {drops.length > SHOWN_DROPS ? (
            <p className="mt-2">
              <Link href={allDropsHref(searchParams)} prefetch={false} className="inline-flex min-h-10 items-center text-sm font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300" data-testid="all-drops-link">
                {t("allDropsLink", { count: data.drops.length })}
              </Link>
            </p>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("noDropsInRange")}</p>
      )}
    </figure>
  );
}
