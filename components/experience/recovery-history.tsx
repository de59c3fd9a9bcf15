import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Assessment } from "@/lib/core";
import type { PlannedDrop } from "@/lib/recovery/priority";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { pageHref, pageOf } from "@/lib/paging/page-of";
import { RecoveryChecklist } from "./recovery-checklist";
import { serverFormat } from "./server-format";

/**
 * Earlier drops a page of the history: each with its whole checklist is ~23 KB of HTML and
 * payload, so 8 keep /recovery far below 300 KB however many drops there were.
 */
export const HISTORY_PAGE = 8;

type Props = { drops: PlannedDrop[]; assessment: Assessment | null; today: string; currency: string; page: number };

/**
 * Drops the limit came back from, or that a later drop replaced: collapsed, because their steps are
 * no longer the ones to work on, yet kept, because what was done for them is the borrower's record.
 * Paged (?page=n, open on pages past the first, which the borrower asked for).
 */
export async function RecoveryHistory({ drops, assessment, today, currency, page }: Props) {
  const [t, tp, fmt] = await Promise.all([getTranslations("experience.recovery"), getTranslations("recovery.plan"), serverFormat(currency)]);
  const shown = pageOf(drops, page, HISTORY_PAGE);
  return (
    <Card data-testid="recovery-history" id="recovery-history">
      <details open={shown.page > 1}>
        <summary className="flex min-h-10 cursor-pointer items-center text-base font-semibold">{tp("historyTitle", { count: drops.length })}</summary>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{tp("historyLead")}</p>
        {shown.pages > 1 ? (
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" data-testid="history-range">
            {tp("historyRange", { from: shown.from, to: shown.to, total: shown.total })}
          </p>
        ) : null}
        <ul className="mt-4 space-y-6">
          {shown.items.map((p) => (
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
        <Pager page={shown.page} pages={shown.pages} hrefOf={(n) => pageHref("/recovery", {}, n, { hash: "recovery-history" })} label={tp("historyPager")} testId="history-pager" />
      </details>
    </Card>
  );
}
