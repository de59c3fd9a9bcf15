import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { OBSERVATION_FILTER, type EventsQuery } from "@/lib/events/query";
import { EVENT_TYPES } from "@/lib/history/schema";

/** The events table's filters: a plain GET form, so it works before hydration and the URL can be shared. */
export async function EventsFilter({ query, filtered }: { query: EventsQuery; filtered: boolean }) {
  const [t, tObservations] = await Promise.all([getTranslations("data"), getTranslations("firstVisit.observations")]);
  return (
    <form method="get" action="/data" className="rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-[1.3fr_1fr_1fr_auto]">
        <legend className="sr-only">{t("filters.legend")}</legend>
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor="filter-type" className="mb-1.5 block text-sm font-medium">
            {t("filters.type")}
          </label>
          <Select id="filter-type" name="type" defaultValue={query.type ?? ""} options={EVENT_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}>
            <option value="">{t("filters.allTypes")}</option>
            <option value={OBSERVATION_FILTER}>{tObservations("filter")}</option>
          </Select>
        </div>
        {(["from", "to"] as const).map((bound) => (
          <div key={bound}>
            <label htmlFor={`filter-${bound}`} className="mb-1.5 block text-sm font-medium">
              {t(`filters.${bound}`)}
            </label>
            <Input id={`filter-${bound}`} type="date" name={bound} defaultValue={query[bound] ?? ""} />
          </div>
        ))}
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
