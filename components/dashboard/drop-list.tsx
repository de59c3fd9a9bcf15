import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import type { Drop, Reason } from "@/lib/core";
import type { ReasonLabel } from "./reason-title";
import { formatDay, formatMoney } from "@/lib/i18n/format";
import { pageOf } from "@/lib/paging/page-of";
import { Pager } from "@/components/ui/pager";

/** How many reasons a drop shows on the dashboard; the drop's own page lists them all. */
const TOP_REASONS = 3;

type Props = {
  drops: Drop[];
  currency: string;
  /** The localized title and sentence of a reason. */
  labelReason: (reason: Reason) => ReasonLabel;
  /**
   * Show only the newest this many, with a link to all of them (`allHref`): ten years hold a
   * hundred drops, and every card is page weight, layout and hydration on a phone.
   */
  limit?: number;
  allHref?: string;
  /**
   * Every drop, a page at a time (?drops=all&page=n): hundreds of drops would be megabytes of
   * HTML. Used instead of `limit`.
   */
  paging?: { page: number; size: number; hrefOf: (page: number) => string };
};

/** The core's drops, newest first, each with its top-ranked reasons. */
export async function DropList({ drops, currency, labelReason, limit, allHref, paging }: Props) {
  const [t, format, locale] = await Promise.all([getTranslations("dashboard"), getFormatter(), getLocale()]);
  const sorted = [...drops].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const paged = paging ? pageOf(sorted, paging.page, paging.size) : null;
  const newestFirst = paged ? paged.items : limit !== undefined && sorted.length > limit ? sorted.slice(0, limit) : sorted;
  const hidden = paged ? 0 : sorted.length - newestFirst.length;
  return (
    <Card aria-labelledby="drops-title">
      <CardTitle id="drops-title">{t("dropsTitle")}</CardTitle>
      <CardDescription>
        {t("dropsLead")}
        {hidden > 0 ? ` ${t("dropsShownOf", { shown: newestFirst.length, total: sorted.length })}` : null}
        {paged && paged.pages > 1 ? <span data-testid="drops-range"> {t("dropsPageOf", { from: paged.from, to: paged.to, total: paged.total })}</span> : null}
      </CardDescription>
      {newestFirst.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">{t("noDrops")}</p>
      ) : (
        <ol className="mt-4 space-y-3" data-testid="drops">
          {newestFirst.map((drop) => {
            const change = drop.previousLimit - drop.newLimit;
            const share = drop.previousLimit > 0 ? change / drop.previousLimit : 1;
            const reasons = [...drop.reasons].sort((a, b) => a.rank - b.rank).slice(0, TOP_REASONS);
            return (
              // The whole card opens the drop's page: the heading's link stretches over it (one link, one tab stop).
              <li
                key={drop.eventId}
                className="relative rounded-xl border border-slate-200 p-4 transition-colors focus-within:ring-2 focus-within:ring-brand-600 hover:border-brand-300 hover:bg-slate-50 dark:border-slate-800 dark:hover:border-slate-600 dark:hover:bg-slate-800/40"
                data-testid="drop"
              >
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <h3 className="font-medium">
                    <Link href={`/drops/${drop.date}`} prefetch={false} aria-label={t("dropOn", { date: formatDay(locale, drop.date, "short") })} className="text-brand-700 outline-none after:absolute after:inset-0 after:rounded-xl after:content-[''] hover:underline dark:text-brand-300">
                      <time dateTime={drop.date}>{formatDay(locale, drop.date, "short")}</time>
                      <span aria-hidden="true"> →</span>
                    </Link>
                  </h3>
                  <div className="flex flex-wrap gap-2">
                    <Badge tone={drop.kind === "cancellation" ? "danger" : "warning"}>
                      {drop.kind === "cancellation" ? t("kindCancellation") : t("kindDecrease")}
                    </Badge>
                    {drop.temporary ? <Badge tone="neutral">{t("temporary")}</Badge> : null}
                  </div>
                </div>
                <p className="mt-1 text-lg font-semibold tabular-nums">
                  {t("dropFromTo", { previous: formatMoney(locale, drop.previousLimit, currency), next: formatMoney(locale, drop.newLimit, currency) })}
                  <span className="ml-2 text-sm font-normal text-rose-700 dark:text-rose-400">
                    {t("dropChange", { amount: formatMoney(locale, change, currency), percent: format.number(share, { style: "percent", maximumFractionDigits: 0 }) })}
                  </span>
                </p>
                <p className="mt-3 text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">{t("reasonsLabel")}</p>
                {reasons.length === 0 ? (
                  <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("noReasons")}</p>
                ) : (
                  <ul className="mt-1 space-y-2">
                    {reasons.map((reason) => {
                      const label = labelReason(reason);
                      return (
                        <li key={reason.code} className="text-sm" data-reason={reason.code}>
                          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                            <span className="font-medium">{label.title}</span>
                            <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400">
                              {t("reasonWeight", { percent: format.number(reason.weight, { style: "percent", maximumFractionDigits: 0 }) })}
                            </span>
                          </div>
                          <p className="mt-0.5 leading-relaxed text-slate-600 dark:text-slate-400">{label.detail}</p>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {paged && paging ? <Pager page={paged.page} pages={paged.pages} hrefOf={paging.hrefOf} label={t("dropsPager")} testId="drops-pager" /> : null}
      {hidden > 0 && allHref ? (
        <p className="mt-4 text-sm">
          <Link href={allHref} prefetch={false} className="inline-flex min-h-10 items-center font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
            {t("dropsAll", { total: sorted.length })}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
