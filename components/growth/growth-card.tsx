import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Growth } from "@/lib/core";
import { blockerText, codeName, growthText, stepText } from "@/lib/i18n/core-text";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { coreLocale } from "./growth-format";

/** Steps shown on the card; the recovery page lists them all. */
const CARD_STEPS = 3;

/**
 * "Why hasn't my limit risen?" (额度为何不涨, seed 004): on the dashboard when the core found the
 * limit flat for 180+ days. Each blocker in plain words with the day it clears by itself, or that
 * it needs a step; the first steps; links to the what-if and the recovery checklist.
 */
export async function GrowthCard({ growth, currency }: { growth: Growth | null | undefined; currency: string }) {
  if (!growth) return null;
  const [t, { lang, day }] = await Promise.all([getTranslations("growth.card"), coreLocale()]);
  const options = { currency };
  return (
    <Card aria-labelledby="growth-title" className="mb-6" data-testid="growth-card">
      <CardTitle id="growth-title">{t("title")}</CardTitle>
      <CardDescription>{growthText({ ...growth, blockers: [] }, lang, options)}</CardDescription>
      <h3 className="mt-4 text-sm font-semibold">{t("blockersTitle")}</h3>
      <ol className="mt-2 space-y-3">
        {growth.blockers.map((b) => (
          <li key={b.code} className="border-l-4 border-amber-400 pl-3" data-blocker={b.code}>
            <p className="text-sm font-medium">{codeName(b.code, lang)}</p>
            <p className="text-sm text-slate-700 dark:text-slate-300">{blockerText(b, lang, options)}</p>
            <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{b.clearsOn ? t("clearsOn", { date: day(b.clearsOn) }) : t("needsAction")}</p>
          </li>
        ))}
      </ol>
      <h3 className="mt-4 text-sm font-semibold">{t("stepsTitle")}</h3>
      <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
        {growth.steps.slice(0, CARD_STEPS).map((s) => (
          <li key={s.code}>{stepText(s, lang)}</li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href="/what-if?keepUsingAccount=on&horizon=180" className="inline-flex min-h-10 items-center font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
          {t("whatIf")} →
        </Link>
        <Link href="/recovery#growth" className="inline-flex min-h-10 items-center font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
          {t("recovery")} →
        </Link>
      </div>
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">{t("caveat")}</p>
    </Card>
  );
}
