import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { DropZoomChart } from "@/components/charts/drop-zoom-chart";
import { NextSteps, RecordedNotice } from "@/components/first-visit/next-steps";
import { headlineKey } from "@/components/experience/reason-headline";
import { ReasonList } from "@/components/experience/reason-list";
import { DropOutlook } from "@/components/growth/drop-outlook";
import { RecoveryChecklist } from "@/components/experience/recovery-checklist";
import { serverFormat } from "@/components/experience/server-format";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { REASON_CODES } from "@/lib/core";
import { todayInShanghai } from "@/lib/days";
import { dropDateParam, getDropView } from "@/lib/data/drop-view";
import { listStepStates } from "@/lib/data/recovery";
import { db } from "@/lib/db";
import { plannedDrop, recoveryPlanFor } from "@/lib/recovery/priority";

type Props = { params: Promise<{ date: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** After a profile update: which reasons left or joined this drop's explanation (codes only). */
const changedParams = z.object({
  updated: z.literal("1").optional(),
  removed: z.string().optional().transform((v) => (v ? v.split(",").filter((c) => (REASON_CODES as readonly string[]).includes(c)) : [])),
  added: z.string().optional().transform((v) => (v ? v.split(",").filter((c) => (REASON_CODES as readonly string[]).includes(c)) : [])),
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [t, fmt, { date }] = await Promise.all([getTranslations("experience.drop"), serverFormat("CNY"), params]);
  // A day the borrower reads ("2026年10月15日"), not the URL's ISO date; an invalid one is 404 below anyway.
  return { title: t("metaTitle", { date: dropDateParam.safeParse(date).success ? fmt.day(date) : date }) };
}

export default async function DropPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { date } = await params;
  const view = await getDropView(db, { userId: user.id, date });
  if (!view) notFound();
  const { drop, zoom, borrower, assessment, missing } = view;
  const [t, tn, th, fmt, states] = await Promise.all([
    getTranslations("experience.drop"),
    getTranslations("experience.reasonNames"),
    getTranslations("experience.headline"),
    serverFormat(borrower.currency),
    listStepStates(db, { userId: user.id, drops: view.explanation.drops }),
  ]);
  const changed = changedParams.safeParse(await searchParams);
  const today = todayInShanghai();
  // Planned among all drops, so a restored or superseded drop says why its steps need no work.
  const plan = recoveryPlanFor({ events: view.limits, drops: view.explanation.drops, states, active: assessment?.active ?? null });
  const planned = plannedDrop(plan, drop.date)!;

  const main = [...drop.reasons].sort((a, b) => a.rank - b.rank)[0];
  const head = main ? headlineKey(main) : null;
  const mainText = main ? (head ? th(head.key, head.values) : tn(main.code)) : null;
  const policy = drop.reasons.find((r) => r.code === "POLICY_TIGHTENING" && r.evidence.figures.platformDropSharePct !== undefined);

  return (
    <div className="space-y-6">
      <Link href="/dashboard" className="inline-flex min-h-10 items-center text-sm text-brand-700 hover:underline dark:text-brand-300">
        ← {t("back")}
      </Link>
      <header>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t(drop.kind === "cancellation" ? "kindCancellation" : "kindDecrease")}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight" data-testid="drop-headline">
          {t("headline", { from: fmt.money(drop.previousLimit), to: fmt.money(drop.newLimit), date: fmt.day(drop.date) })}
          {mainText ? ` ${t("mainReason", { reason: mainText })}` : null}
        </h1>
      </header>
      {(await searchParams).recorded === "1" ? <RecordedNotice missing={missing} /> : null}

      {changed.success && changed.data.updated ? (
        <Alert>
          <span data-testid="explanation-changed">
            {changed.data.removed.length || changed.data.added.length
              ? t("changed", { removed: changed.data.removed.map((c) => tn(c)).join(", ") || "—", added: changed.data.added.map((c) => tn(c)).join(", ") || "—" })
              : t("unchanged")}
          </span>
        </Alert>
      ) : null}
      {drop.temporary ? <Alert>{t("temporary")}</Alert> : null}
      {policy ? (
        <Alert>
          {t("policy", { pct: policy.evidence.figures.platformDropSharePct!, borrowers: policy.evidence.figures.platformBorrowers ?? 0 })}
        </Alert>
      ) : null}

      <Card>
        <DropZoomChart zoom={zoom} />
      </Card>

      <Card>
        <h2 className="mb-4 text-lg font-semibold">{t("reasonsTitle")}</h2>
        <ReasonList reasons={drop.reasons} currency={borrower.currency} />
      </Card>

      <DropOutlook drop={drop} />
      {/* What the app still needs to say more: a first visit has only the two limits. */}
      <NextSteps missing={missing} />

      <Card>
        <RecoveryChecklist planned={planned} assessment={assessment} today={today} currency={borrower.currency} />
      </Card>

      <div className="flex flex-wrap gap-3">
        {/* A temporary drop came back by itself: there is nothing to appeal. */}
        {drop.temporary ? null : (
          <Link href={`/drops/${drop.date}/appeal`} className={buttonClasses("primary")}>
            {t("writeAppeal")}
          </Link>
        )}
        <Link href="/recovery" className={buttonClasses("secondary")}>
          {t("allSteps")}
        </Link>
      </div>
    </div>
  );
}
