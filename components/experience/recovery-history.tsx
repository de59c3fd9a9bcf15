import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Assessment } from "@/lib/core";
import type { PlannedDrop } from "@/lib/recovery/priority";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { RecoveryChecklist } from "./recovery-checklist";
import { serverFormat } from "./server-format";

/**
 * Drops the limit came back from, or that a later drop replaced: collapsed, because their steps are
 * no longer the ones to work on, yet kept, because what was done for them is the borrower's record.
 */
export async function RecoveryHistory({ drops, assessment, today, currency }: { drops: PlannedDrop[]; assessment: Assessment | null; today: string; currency: string }) {
  const [t, tp, fmt] = await Promise.all([getTranslations("experience.recovery"), getTranslations("recovery.plan"), serverFormat(currency)]);
  return (
    <Card data-testid="recovery-history">
      <details>
        <summary className="flex min-h-10 cursor-pointer items-center text-base font-semibold">{tp("historyTitle", { count: drops.length })}</summary>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{tp("historyLead")}</p>
        <ul className="mt-4 space-y-6">
          {drops.map((p) => (
            <li key={p.drop.date} className="border-t border-slate-200 pt-4 dark:border-slate-800">
              <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                <p className="text-sm font-medium text-slate-700 dark:text-slate-300">
                  {t("dropHeading", { date: fmt.day(p.drop.date), from: fmt.money(p.drop.previousLimit), to: fmt.money(p.drop.newLimit) })}
                  {p.drop.temporary ? (
                    <span className="ml-2 align-middle">
                      <Badge>{tp("temporaryBadge")}</Badge>
                    </span>
                  ) : null}
                </p>
                <Link href={`/drops/${p.drop.date}`} className="inline-flex min-h-10 items-center text-sm text-brand-700 underline-offset-2 hover:underline dark:text-brand-300">
                  {t("openDrop")}
                </Link>
              </div>
              <RecoveryChecklist planned={p} assessment={assessment} today={today} currency={currency} />
            </li>
          ))}
        </ul>
      </details>
    </Card>
  );
}
