import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataShortcuts } from "@/components/data/data-shortcuts";
import { EventsFilter } from "@/components/data/events-filter";
import { EventsPager } from "@/components/data/events-pager";
import { EventsTable } from "@/components/data/events-table";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { countEvents, listEvents } from "@/lib/data/events";
import { db } from "@/lib/db";
import { cursorOf, parseEventsQuery } from "@/lib/events/query";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data");
  return { title: t("title") };
}

export default async function DataPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const q = parseEventsQuery(params);
  const filter = { type: q.type, from: q.from, to: q.to };
  const [page, total, t] = await Promise.all([
    listEvents(db, { userId: user.id, filter, cursor: cursorOf(q) }),
    countEvents(db, { userId: user.id, filter }),
    getTranslations("data"),
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
      <DataShortcuts />
      <EventsFilter query={q} filtered={filtered} />
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
        <EventsPager query={q} prev={page.prev} next={page.next} />
      </section>
    </div>
  );
}
