import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { paletteCss } from "@/components/charts/chart-palette";
import { LEARNED_KINDS, type Learned } from "@/lib/limit-change/summary";
import { formatDay, formatMoney } from "@/lib/i18n/format";

const COLOUR: Record<(typeof LEARNED_KINDS)[number], string> = {
  borrow: "var(--tl-overlay-borrow)",
  repayment: "var(--tl-overlay-repayment)",
  activity: "var(--tl-limit)",
};
const ROWS = LEARNED_KINDS.map((key) => ({ key, colour: COLOUR[key] }));

/** A month key (YYYY-MM) as a short localized month. */
const monthDate = (m: string) => new Date(`${m}-15T12:00:00+08:00`);

/**
 * What an import taught us when it held no limit (a bill never does): counts and sums of
 * borrowings and repayments, the days with payments, the period, and per month a strip for each,
 * so a borrower sees their bill was read before being asked for the one thing it lacks.
 */
export async function ImportedSummary({ learned, currency }: { learned: Learned; currency: string }) {
  const [t, format, locale] = await Promise.all([getTranslations("firstVisit.learned"), getFormatter(), getLocale()]);
  const { months } = learned;
  const from = learned.firstDay ? formatDay(locale, learned.firstDay, "short") : "";
  const to = learned.lastDay ? formatDay(locale, learned.lastDay, "short") : "";
  const tiles = [
    { key: "borrow", value: learned.borrow.count, sub: t("inTotal", { amount: formatMoney(locale, learned.borrow.amount, currency) }) },
    { key: "repayment", value: learned.repayment.count, sub: t("inTotal", { amount: formatMoney(locale, learned.repayment.amount, currency) }) },
    { key: "activity", value: learned.activityDays, sub: null },
  ] as const;
  const monthLabel = (m: string) => format.dateTime(monthDate(m), { year: "2-digit", month: "short" });
  return (
    <Card aria-labelledby="learned-title" className="tl-learned mb-6" data-testid="imported-summary">
      <style>{paletteCss(".tl-learned")}</style>
      <CardTitle id="learned-title">{t("title")}</CardTitle>
      <CardDescription data-testid="learned-range">{t("lead", { from, to })}</CardDescription>
      <dl className="mt-4 grid grid-cols-3 gap-3">
        {tiles.map((tile) => (
          <div key={tile.key} className="rounded-xl bg-slate-50 p-3 dark:bg-slate-800/60" data-testid={`learned-${tile.key}`}>
            <dt className="text-xs text-slate-600 dark:text-slate-400">{t(tile.key)}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{format.number(tile.value)}</dd>
            {tile.sub ? <dd className="mt-0.5 text-xs text-slate-600 tabular-nums dark:text-slate-400">{tile.sub}</dd> : null}
          </div>
        ))}
      </dl>
      {months.length > 0 ? (
        <figure className="mt-5" aria-labelledby="learned-chart-title">
          <figcaption id="learned-chart-title" className="text-sm font-medium">
            {t("chartTitle")}
          </figcaption>
          <p className="sr-only">
            {t("chartSummary", { months: months.length, from: monthLabel(months[0]!.month), to: monthLabel(months.at(-1)!.month), borrow: learned.borrow.count, repayment: learned.repayment.count, activity: learned.activityDays })}
          </p>
          <div aria-hidden="true" className="mt-2 space-y-1.5">
            {ROWS.map((row) => {
              const max = Math.max(1, ...months.map((m) => m[row.key]));
              return (
                <div key={row.key} className="grid grid-cols-[5.5rem_1fr] items-end gap-2">
                  <span className="truncate text-xs text-slate-600 dark:text-slate-400">{t(row.key)}</span>
                  <div className="flex h-8 items-end gap-px border-b border-slate-200 dark:border-slate-700">
                    {months.map((m) => (
                      <span key={m.month} className="flex-1 rounded-t-sm" style={{ height: `${m[row.key] === 0 ? 0 : Math.max(12, (m[row.key] / max) * 100)}%`, background: row.colour }} title={`${monthLabel(m.month)}: ${m[row.key]}`} />
                    ))}
                  </div>
                </div>
              );
            })}
            <div className="grid grid-cols-[5.5rem_1fr] gap-2 text-[11px] text-slate-600 dark:text-slate-400">
              <span />
              <span className="flex justify-between">
                <span>{monthLabel(months[0]!.month)}</span>
                {months.length > 1 ? <span>{monthLabel(months.at(-1)!.month)}</span> : null}
              </span>
            </div>
          </div>
        </figure>
      ) : null}
      <p className="mt-4 text-sm">
        <Link href="/data" className="inline-flex min-h-10 items-center font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
          {t("dataLink")} →
        </Link>
      </p>
    </Card>
  );
}
