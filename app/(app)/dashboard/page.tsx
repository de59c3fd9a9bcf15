import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { SearchParams } from "@/components/charts/timeline-params";
import { allDropsHref } from "@/components/dashboard/all-drops-href";
import { DropList } from "@/components/dashboard/drop-list";
import { ImportedSummary } from "@/components/dashboard/imported-summary";
import { LimitHeadline } from "@/components/dashboard/limit-headline";
import { ObservationTable } from "@/components/dashboard/observation-table";
import { DashboardOverview } from "@/components/experience/dashboard-overview";
import { FirstRunGuide } from "@/components/experience/first-run-guide";
import { GrowthCard } from "@/components/growth/growth-card";
import { LimitChangeCard } from "@/components/first-visit/limit-change-card";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { getDashboard } from "@/lib/data/dashboard";
import { todayInShanghai } from "@/lib/days";
import { reasonLabeller } from "@/components/dashboard/reason-title";
import { db } from "@/lib/db";
import { pageHref, pageParam } from "@/lib/paging/page-of";

/** Drop cards on the dashboard before "show all" (?drops=all). */
const DROPS_SHOWN = 5;
/**
 * Drop cards a page of "show all": each is ~5 KB of HTML and payload on top of a ~150–190 KB
 * dashboard (measured for the 34-year and the crafted borrower: 20 a page came to 280 KB), so 10.
 */
const DROPS_PAGE = 10;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Each page checks for itself: the layout's check does not protect a page rendered on its own.
  const user = await requireUser();
  // One read of the shared ExplanationCache (lib/data/dashboard.ts): the explanation carries the
  // platform-wide context, so this list and the drop pages give the same reasons; no history load
  // and no explain pass while the history is unchanged.
  const [t, dashboard, params] = await Promise.all([getTranslations("dashboard"), getDashboard(db, { userId: user.id }), searchParams]);
  const view = dashboard.view();
  const product = user.product === "Jiebei" ? t("productJiebei") : user.product;

  const header = (
    <div className="mb-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{user.name ? t("greeting", { name: user.name }) : t("greetingAnonymous")}</h1>
        {user.isDemo ? <Badge tone="brand">{t("demoBadge")}</Badge> : null}
      </div>
      <p className="mt-1 text-slate-600 dark:text-slate-400">{t("lead", { product })}</p>
    </div>
  );

  // No limit yet: the one short form leads (a new account), after what an import without limits
  // showed (a bill never carries the limit); importing stays the second way in.
  if (view.observationCount === 0) {
    const imported = view.eventCount > 0 && view.learned;
    return (
      <>
        {header}
        {imported ? <ImportedSummary learned={view.learned!} currency={user.currency} /> : null}
        <LimitChangeCard variant={imported ? "imported" : "empty"} today={todayInShanghai()} last={null} currency={user.currency} />
        {imported ? null : (
          <div className="mt-6">
            <FirstRunGuide />
          </div>
        )}
      </>
    );
  }

  const [labelReason, tFirst] = await Promise.all([reasonLabeller(user.currency), getTranslations("firstVisit.headline")]);
  const recorded = params.recorded === "rise" ? "recordedRise" : params.recorded === "same" ? "recordedSame" : null;

  return (
    <>
      {header}
      {recorded ? (
        <div className="mb-4">
          <Alert>{tFirst(recorded)}</Alert>
        </div>
      ) : null}
      {view.limitNow ? <LimitHeadline now={view.limitNow} drops={view.drops} currency={user.currency} /> : null}
      <DashboardOverview view={view} searchParams={params} />
      <GrowthCard growth={view.growth} currency={user.currency} />
      {/* Below the fold on a phone: the browser skips its style and layout until it nears the
          viewport, so the headline and chart paint sooner. The size is a placeholder until then. */}
      <div className="grid gap-6 [contain-intrinsic-size:auto_1600px] [content-visibility:auto] lg:grid-cols-5">
        <div className="lg:col-span-3">
          <DropList
            drops={view.drops}
            currency={user.currency}
            labelReason={labelReason}
            limit={params.drops === "all" ? undefined : DROPS_SHOWN}
            allHref={allDropsHref(params)}
            paging={params.drops === "all" ? { page: pageParam(params.page), size: DROPS_PAGE, hrefOf: (n) => pageHref("/dashboard", params, n, { hash: "drops-title" }) } : undefined}
          />
        </div>
        <div className="lg:col-span-2">
          <ObservationTable rows={view.recentObservations} total={view.observationCount} currency={user.currency} />
        </div>
      </div>
    </>
  );
}
