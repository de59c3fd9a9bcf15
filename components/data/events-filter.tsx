import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { EventsQuery } from "@/lib/events/query";
import { EVENT_TYPES } from "@/lib/history/schema";

/** The events table's filters: a plain GET form, so it works before hydration and the URL can be shared. */
export async function EventsFilter({ query, filtered }: { query: EventsQuery; filtered: boolean }) {
  const t = await getTranslations("data");
  return (
    <form method="get" action="/data" className="rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-[1.3fr_1fr_1fr_auto]">
        <legend className="sr-only">{t("filters.legend")}</legend>
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor="filter-type" className="mb-1.5 block text-sm font-medium">
            {t("filters.type")}
          </label>
          <Select id="filter-type" name="type" defaultValue={query.type ?? ""}>
            <option value="">{t("filters.allTypes")}</option>
            {EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="filter-from" className="mb-1.5 block text-sm font-medium">
            {t("filters.from")}
          </label>
          <Input id="filter-from" type="date" name="from" defaultValue={query.from ?? ""} />
        </div>
        <div>
          <label htmlFor="filter-to" className="mb-1.5 block text-sm font-medium">
            {t("filters.to")}
          </label>
          <Input id="filter-to" type="date" name="to" defaultValue={query.to ?? ""} />
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
  );
}
