import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import type { MissingData } from "@/lib/limit-change/summary";

const HREF: Record<MissingData, string> = {
  profile: "/profile",
  bill: "/data/import",
  applications: "/data/events/new?type=inquiry",
};

/** Under a drop's headline right after "my limit changed": saved, and what this explanation rests on. */
export async function RecordedNotice({ missing }: { missing: readonly MissingData[] }) {
  if (missing.length === 0) return null;
  const t = await getTranslations("firstVisit.nextSteps");
  return <Alert>{t("recorded")}</Alert>;
}

/**
 * On a drop's page: what the app still needs to say more (profile, a bill, credit applications),
 * each with the way to give it. Nothing when the history already holds every kind.
 * `missing`: from the kinds of events stored (lib/data/drop-view.ts), not from every event.
 */
export async function NextSteps({ missing }: { missing: readonly MissingData[] }) {
  if (missing.length === 0) return null;
  const t = await getTranslations("firstVisit.nextSteps");
  return (
    <>
      <Card aria-labelledby="next-steps-title" data-testid="next-steps">
        <CardTitle id="next-steps-title">{t("title")}</CardTitle>
        <CardDescription>{t("lead")}</CardDescription>
        <ol className="mt-4 space-y-4">
          {missing.map((kind, i) => (
            <li key={kind} className="flex gap-3" data-step={kind}>
              <span aria-hidden="true" className="inline-flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700 dark:bg-slate-800 dark:text-brand-300">
                {i + 1}
              </span>
              <div className="min-w-0">
                <p className="font-medium">{t(`${kind}.title`)}</p>
                <p className="text-sm text-slate-600 dark:text-slate-400">{t(`${kind}.body`)}</p>
                <Link href={HREF[kind]} className={buttonClasses(i === 0 ? "primary" : "secondary", "mt-2 !min-h-10 !py-1.5")}>
                  {t(`${kind}.action`)}
                </Link>
              </div>
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
