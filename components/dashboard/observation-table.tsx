import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { eventsHref, OBSERVATION_FILTER } from "@/lib/events/query";
import { formatDay, formatMoney } from "@/lib/i18n/format";

export type ObservationRow = { id: string; date: string; kind: "limit" | "score"; value: number };

/** The latest limits and scores, newest first (the caller passes them in that order); `total` counts all. */
export async function ObservationTable({ rows, total, currency }: { rows: ObservationRow[]; total: number; currency: string }) {
  const [t, ts, tFirst, format, locale] = await Promise.all([getTranslations("dashboard"), getTranslations("screenshots"), getTranslations("firstVisit.observations"), getFormatter(), getLocale()]);
  return (
    <Card aria-labelledby="observations-title">
      <CardTitle id="observations-title">{t("observationsTitle")}</CardTitle>
      <CardDescription>{t("observationsLead")}</CardDescription>
      <div className="mt-4 -mx-5 overflow-x-auto sm:mx-0">
        <table className="w-full min-w-[20rem] text-sm" data-testid="observations">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className="px-5 py-2 font-medium sm:px-2">{t("columnDate")}</th>
              <th scope="col" className="px-2 py-2 font-medium">{t("columnKind")}</th>
              <th scope="col" className="px-5 py-2 text-right font-medium sm:px-2">{t("columnValue")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800/60">
                <td className="px-5 py-2.5 whitespace-nowrap tabular-nums sm:px-2">
                  <time dateTime={row.date}>{formatDay(locale, row.date, "short")}</time>
                </td>
                <td className="px-2 py-2.5 text-slate-600 dark:text-slate-300">{row.kind === "limit" ? t("kindLimit") : t("kindScore")}</td>
                <td className="px-5 py-2.5 text-right font-medium whitespace-nowrap tabular-nums sm:px-2">
                  {row.kind === "limit" ? formatMoney(locale, row.value, currency) : format.number(row.value)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > rows.length ? (
        <p className="mt-3 text-sm">
          <Link href={eventsHref({ type: OBSERVATION_FILTER })} className="inline-flex min-h-10 items-center font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
            {tFirst("all", { total })}
          </Link>
        </p>
      ) : null}
      <p className="mt-3 text-sm">
        <Link href="/data/screenshots" className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
          {ts("link")}
        </Link>
      </p>
    </Card>
  );
}
