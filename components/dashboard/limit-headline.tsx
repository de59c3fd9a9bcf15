import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { mainReasonText } from "@/components/first-visit/main-reason";
import type { Drop } from "@/lib/core";
import type { LimitNow } from "@/lib/limit-change/summary";
import { formatDay, formatMoney } from "@/lib/i18n/format";
import { headlineParts } from "./headline-parts";

type Props = { now: LimitNow; drops: readonly Drop[]; currency: string };

/**
 * The dashboard's first line, as Alipay leads with its number: today's limit and its last change
 * ("¥0, down ¥30,000 on Mar 17, 2026"), and when that change was a drop, its main reason and the
 * way to its explanation. The chart follows.
 */
export async function LimitHeadline({ now, drops, currency }: Props) {
  const [t, locale, reasonOf] = await Promise.all([getTranslations("firstVisit.headline"), getLocale(), mainReasonText()]);
  const money = (v: number) => formatMoney(locale, v, currency);
  const parts = headlineParts(now, drops.map((d) => d.date));
  const line = t(parts.kind, { limit: money(now.limit), amount: money(parts.amount), date: formatDay(locale, parts.day, "short") });
  const drop = parts.dropDate ? drops.find((d) => d.date === parts.dropDate) : undefined;
  const reason = drop ? reasonOf(drop) : null;
  return (
    <section aria-labelledby="limit-headline" className="mb-6" data-testid="limit-headline">
      <p className="text-sm font-medium text-slate-600 dark:text-slate-400">{t("label")}</p>
      <h2 id="limit-headline" className={`mt-1 text-2xl font-semibold tracking-tight tabular-nums sm:text-3xl ${drop ? "text-rose-800 dark:text-rose-300" : ""}`}>
        {line}
      </h2>
      {reason ? <p className="mt-2 text-base text-slate-800 dark:text-slate-200">{t("mainReason", { reason })}</p> : null}
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        {drop ? (
          <Link href={`/drops/${drop.date}`} className="inline-flex min-h-10 items-center font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
            {t("explain")} →
          </Link>
        ) : null}
        {now.score ? <span className="text-slate-600 dark:text-slate-400">{t("score", { score: now.score.value, date: formatDay(locale, now.score.day, "short") })}</span> : null}
      </div>
    </section>
  );
}
