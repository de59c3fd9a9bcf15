import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EventsTable } from "@/components/data/events-table";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { countEvents, listEvents } from "@/lib/data/events";
import { db } from "@/lib/db";
import { cursorOf, eventsHref, OBSERVATION_FILTER, parseEventsQuery } from "@/lib/events/query";
import { EVENT_TYPES } from "@/lib/history/schema";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data");
  return { title: t("title") };
}

const selectClass = "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base dark:border-slate-700 dark:bg-slate-950";

export default async function DataPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const q = parseEventsQuery(params);
  const filter = { type: q.type, from: q.from, to: q.to };
  const [page, total, t, tObservations] = await Promise.all([
    listEvents(db, { userId: user.id, filter, cursor: cursorOf(q) }),
    countEvents(db, { userId: user.id, filter }),
    getTranslations("data"),
    getTranslations("firstVisit.observations"),
  ]);
  const filtered = Boolean(q.type || q.from || q.to);
  const notice = params.saved ? t("saved") : params.deleted ? t("deleted") : null;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-2xl">
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">{t("lead")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/data/import" className={buttonClasses("primary")}>
            {t("import")}
          </Link>
          <Link href="/data/events/new" className={buttonClasses("secondary")}>
            {t("add")}
          </Link>
        </div>
      </header>

      {notice ? <Alert>{notice}</Alert> : null}

      <div className="grid gap-3 sm:grid-cols-2">
        <Card className="!p-4 text-sm">
          <p className="text-slate-600 dark:text-slate-400">{t("profileLink")}</p>
          <Link href="/profile" className="mt-2 inline-flex min-h-10 items-center font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
            {t("profileEdit")} →
          </Link>
        </Card>
        <Card className="!p-4 text-sm">
          <p className="text-slate-600 dark:text-slate-400">{t("exportHint")}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            {/* Plain links: a download is a navigation, and the route answers with Content-Disposition. */}
            <a href="/api/app/export/json" className={buttonClasses("secondary", "!min-h-10 !py-1.5")} data-testid="export-json">
              {t("exportJson")}
            </a>
            <a href="/api/app/export/csv" className={buttonClasses("secondary", "!min-h-10 !py-1.5")} data-testid="export-csv">
              {t("exportCsv")}
            </a>
          </div>
        </Card>
      </div>

      <form method="get" action="/data" className="rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-[1.3fr_1fr_1fr_auto]">
          <legend className="sr-only">{t("filters.legend")}</legend>
          <div className="col-span-2 sm:col-span-1">
            <label htmlFor="filter-type" className="mb-1.5 block text-sm font-medium">
              {t("filters.type")}
            </label>
            <select id="filter-type" name="type" defaultValue={q.type ?? ""} className={selectClass}>
              <option value="">{t("filters.allTypes")}</option>
              <option value={OBSERVATION_FILTER}>{tObservations("filter")}</option>
              {EVENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-from" className="mb-1.5 block text-sm font-medium">
              {t("filters.from")}
            </label>
            <input id="filter-from" type="date" name="from" defaultValue={q.from ?? ""} className={selectClass} />
          </div>
          <div>
            <label htmlFor="filter-to" className="mb-1.5 block text-sm font-medium">
              {t("filters.to")}
            </label>
            <input id="filter-to" type="date" name="to" defaultValue={q.to ?? ""} className={selectClass} />
          </div>
          <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
            <button type="submit" className={buttonClasses("primary", "flex-1 sm:flex-none")}>
              {t("filters.apply")}
            </button>
            {filtered ? (
              <Link href="/data" className={buttonClasses("ghost")}>
                {t("filters.clear")}
              </Link>
            ) : null}
          </div>
        </fieldset>
      </form>

      <section aria-labelledby="events-heading" className="space-y-3">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id="events-heading" className="text-lg font-semibold">
            {t("table.caption")}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="event-count">
            {total.capped ? t("table.countCapped", { count: total.count.toLocaleString() }) : t("table.count", { count: total.count })}
          </p>
        </div>
        {page.rows.length === 0 ? (
          <Card className="text-center">
            <h3 className="font-semibold">{filtered ? t("table.emptyFiltered") : t("table.emptyTitle")}</h3>
            {filtered ? null : <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("table.emptyBody")}</p>}
          </Card>
        ) : (
          <EventsTable rows={page.rows} currency={user.currency} />
        )}
        <nav aria-label={t("table.caption")} className="flex flex-wrap justify-between gap-2">
          <div className="flex gap-2">
            {page.prev ? (
              <>
                <Link href={eventsHref(q)} className={buttonClasses("ghost")}>
                  « {t("table.first")}
                </Link>
                <Link href={eventsHref(q, page.prev)} className={buttonClasses("secondary")} rel="prev">
                  ‹ {t("table.newer")}
                </Link>
              </>
            ) : null}
          </div>
          {page.next ? (
            <Link href={eventsHref(q, page.next)} className={buttonClasses("secondary")} rel="next">
              {t("table.older")} ›
            </Link>
          ) : null}
        </nav>
      </section>
    </div>
  );
}
