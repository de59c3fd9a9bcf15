import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FirstRunGuide } from "@/components/experience/first-run-guide";
import { RecoveryChecklist } from "@/components/experience/recovery-checklist";
import { serverFormat } from "@/components/experience/server-format";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { currentAssessment, todayInShanghai } from "@/lib/data/dashboard";
import { loadExplained } from "@/lib/data/explained";
import { listStepStates } from "@/lib/data/recovery";
import { db } from "@/lib/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("experience.recovery");
  return { title: t("pageTitle") };
}

/** Every drop's checklist, newest first; temporary drops last (nothing needs doing for them). */
export default async function RecoveryPage() {
  const user = await requireUser();
  const { history, explanation, context } = await loadExplained(user.id);
  const [t, fmt, states] = await Promise.all([
    getTranslations("experience.recovery"),
    serverFormat(history.borrower.currency),
    listStepStates(db, { userId: user.id, drops: explanation.drops }),
  ]);
  const { assessment } = currentAssessment(history, context);
  const today = todayInShanghai();
  const drops = [...explanation.drops].reverse().sort((a, b) => Number(a.temporary) - Number(b.temporary));
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{t("pageTitle")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("pageLead")}</p>
        <Link href="/what-if" className="mt-2 inline-flex min-h-10 items-center text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
          {t("whatIfLink")} →
        </Link>
      </header>
      {history.events.length === 0 ? (
        <FirstRunGuide />
      ) : drops.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
        </Card>
      ) : (
        drops.map((drop) => (
          <Card key={drop.date}>
            <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
              <p className="text-sm font-medium text-slate-700 dark:text-slate-300">
                {t("dropHeading", { date: fmt.day(drop.date), from: fmt.money(drop.previousLimit), to: fmt.money(drop.newLimit) })}
              </p>
              <Link href={`/drops/${drop.date}`} className="text-sm text-brand-700 underline-offset-2 hover:underline dark:text-brand-300">
                {t("openDrop")}
              </Link>
            </div>
            <RecoveryChecklist drop={drop} states={states.get(drop.date) ?? []} assessment={assessment} today={today} currency={history.borrower.currency} />
          </Card>
        ))
      )}
    </div>
  );
}
