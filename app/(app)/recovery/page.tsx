import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FirstRunGuide } from "@/components/experience/first-run-guide";
import { RecoveryChecklist } from "@/components/experience/recovery-checklist";
import { RecoveryHistory } from "@/components/experience/recovery-history";
import { GrowthSteps } from "@/components/growth/growth-steps";
import { serverFormat } from "@/components/experience/server-format";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { todayInShanghai } from "@/lib/days";
import { getDashboard } from "@/lib/data/dashboard";
import { cachedExplanation } from "@/lib/data/explanation-cache";
import { listLimitObservations, listStepStates } from "@/lib/data/recovery";
import { db } from "@/lib/db";
import { pageParam } from "@/lib/paging/page-of";
import { recoveryPlanFor } from "@/lib/recovery/priority";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("experience.recovery");
  return { title: t("pageTitle") };
}

/** The current drop first, with what to do first; restored and superseded drops in a collapsed history. */
export default async function RecoveryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const page = pageParam((await searchParams).page);
  // From the shared ExplanationCache, without loading the history: the dashboard's view has today's
  // assessment and the event count, the limits come alone (a 100,000-event history loaded and
  // assessed on every visit cost the request thread, and so every other borrower, about a second).
  // The view first: when stale it recomputes both rows, which the explanation then reads.
  const view = (await getDashboard(db, { userId: user.id })).view();
  const [{ explanation }, limits] = await Promise.all([cachedExplanation(db, { userId: user.id }), listLimitObservations(db, { userId: user.id })]);
  const [t, tp, fmt, states] = await Promise.all([
    getTranslations("experience.recovery"),
    getTranslations("recovery.plan"),
    serverFormat(user.currency),
    listStepStates(db, { userId: user.id, drops: explanation.drops }),
  ]);
  const assessment = view.assessment;
  const today = todayInShanghai();
  const plan = recoveryPlanFor({ events: limits, drops: explanation.drops, states, active: assessment?.active ?? null });
  const currency = user.currency;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{t("pageTitle")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("pageLead")}</p>
        <Link href="/what-if" className="mt-2 inline-flex min-h-10 items-center text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
          {t("whatIfLink")} →
        </Link>
      </header>
      {view.eventCount === 0 ? (
        <FirstRunGuide />
      ) : explanation.drops.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
        </Card>
      ) : (
        <>
          {plan.current ? (
            <Card data-testid="current-drop">
              <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                <div>
                  <p className="text-xs font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">{tp("currentTitle")}</p>
                  <p className="text-sm font-medium text-slate-700 dark:text-slate-300">
                    {t("dropHeading", { date: fmt.day(plan.current.drop.date), from: fmt.money(plan.current.drop.previousLimit), to: fmt.money(plan.current.drop.newLimit) })}
                  </p>
                </div>
                <Link href={`/drops/${plan.current.drop.date}`} className="inline-flex min-h-10 items-center text-sm text-brand-700 underline-offset-2 hover:underline dark:text-brand-300">
                  {t("openDrop")}
                </Link>
              </div>
              {plan.current.partly ? (
                <p className="mb-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-200" data-testid="partly-back">
                  {tp("partlyBack", { date: fmt.day(plan.current.partly.on), limit: fmt.money(plan.current.partly.limit), previous: fmt.money(plan.current.drop.previousLimit) })}
                </p>
              ) : null}
              <RecoveryChecklist planned={plan.current} assessment={assessment} today={today} currency={currency} />
            </Card>
          ) : (
            <Card data-testid="current-drop">
              <p className="text-sm text-slate-700 dark:text-slate-300">{tp("allRestored")}</p>
            </Card>
          )}
          {plan.history.length > 0 ? <RecoveryHistory drops={plan.history} assessment={assessment} today={today} currency={currency} page={page} /> : null}
        </>
      )}
      <GrowthSteps growth={explanation.growth} currency={currency} />
    </div>
  );
}
