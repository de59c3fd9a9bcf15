import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import type { EventCursor } from "@/lib/data/events";
import { eventsHref, type EventsQuery } from "@/lib/events/query";

/** Keyset paging: newest first, then older pages; the filters travel with every link. */
export async function EventsPager({ query, prev, next }: { query: EventsQuery; prev: EventCursor | null; next: EventCursor | null }) {
  const t = await getTranslations("data");
  return (
    <nav aria-label={t("table.caption")} className="flex flex-wrap justify-between gap-2">
      <div className="flex gap-2">
        {prev ? (
          <>
            <Link href={eventsHref(query)} className={buttonClasses("ghost")}>
              « {t("table.first")}
            </Link>
            <Link href={eventsHref(query, prev)} className={buttonClasses("secondary")} rel="prev">
              ‹ {t("table.newer")}
            </Link>
          </>
        ) : null}
      </div>
      {next ? (
        <Link href={eventsHref(query, next)} className={buttonClasses("secondary")} rel="next">
          {t("table.older")} ›
        </Link>
      ) : null}
    </nav>
  );
}
