import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDay, formatMoney } from "@/lib/i18n/format";
import { Badge } from "@/components/ui/badge";
import type { EventListRow } from "@/lib/data/events";
import { DeleteEventButton } from "./delete-event-button";
import { clip, eventSummary } from "./event-summary";

const TONE: Record<string, "neutral" | "brand" | "warning" | "danger"> = { limit: "brand", score: "brand", overdue: "danger", notice: "warning" };

/**
 * One page of events. A table on wide screens; on a phone each row stacks into a card-like
 * block (same markup, so screen readers keep the table semantics on both).
 */
export async function EventsTable({ rows, currency }: { rows: EventListRow[]; currency: string }) {
  const [t, locale] = await Promise.all([getTranslations("data"), getLocale()]);
  const money = (n: number) => formatMoney(locale, n, currency);
  return (
    <div className="overflow-hidden rounded-2xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-sm" data-testid="events-table">
        <thead className="hidden bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500 sm:table-header-group dark:bg-slate-950 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">
              {t("table.date")}
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              {t("table.type")}
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              {t("table.details")}
            </th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">
              {t("table.source")}
            </th>
            <th scope="col" className="px-4 py-2.5 text-right font-medium">
              <span className="sr-only">{t("table.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((r) => {
            const typeLabel = t(`types.${r.event.type}`);
            const dayLabel = formatDay(locale, r.day, "short");
            return (
              <tr key={r.id} className="grid grid-cols-[1fr_auto] gap-x-3 px-4 py-3 sm:table-row sm:p-0" data-testid="event-row" data-type={r.event.type}>
                <td className="col-start-1 row-start-1 whitespace-nowrap text-slate-600 sm:px-4 sm:py-3 dark:text-slate-400">{dayLabel}</td>
                <td className="col-start-2 row-start-1 justify-self-end sm:px-4 sm:py-3">
                  <Badge tone={TONE[r.event.type] ?? "neutral"}>{typeLabel}</Badge>
                </td>
                <td className="col-span-2 mt-1 break-words font-medium tabular-nums sm:mt-0 sm:px-4 sm:py-3">{eventSummary(r.event, t as never, money)}</td>
                <td className="hidden max-w-40 truncate text-xs text-slate-500 md:table-cell md:px-4 md:py-3 dark:text-slate-400">{r.event.source ? clip(r.event.source, 60) : "—"}</td>
                <td className="col-span-2 -mb-1 flex justify-end gap-1 sm:mb-0 sm:table-cell sm:px-4 sm:py-2 sm:text-right">
                  <Link
                    href={`/data/events/${encodeURIComponent(r.id)}`}
                    className="inline-flex min-h-10 items-center rounded-lg px-2.5 text-sm font-medium text-brand-700 hover:bg-brand-50 dark:text-brand-300 dark:hover:bg-slate-800"
                    aria-label={`${t("table.edit")}: ${typeLabel} ${dayLabel}`}
                  >
                    {t("table.edit")}
                  </Link>
                  <DeleteEventButton rowId={r.id} label={{ type: typeLabel, date: dayLabel }} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
