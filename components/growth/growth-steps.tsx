import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Growth, StepCode } from "@/lib/core";
import { codeName, growthText, stepText } from "@/lib/i18n/core-text";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { coreLocale } from "./growth-format";

/** Where a growth step is practised or its effect shown; the others are done outside the app. */
const STEP_LINKS: Partial<Record<StepCode, string>> = {
  USE_ACCOUNT_REGULARLY: "/what-if?keepUsingAccount=on&horizon=90",
  PAUSE_CREDIT_APPLICATIONS: "/what-if?noNewApplications=on&horizon=180",
  REDUCE_UTILIZATION: "/what-if?payDown=0.5&horizon=90",
  REPAY_ON_SCHEDULE: "/what-if?repayOnSchedule=on&horizon=180",
  UPDATE_INCOME: "/profile",
  COMPLETE_PROFILE: "/profile",
};

/**
 * The recovery checklist's own section for a flat limit (growth): its steps in rank order with the
 * blockers each answers. Not tied to a drop, so no done/skip state is kept for it.
 */
export async function GrowthSteps({ growth, currency }: { growth: Growth | null | undefined; currency: string }) {
  if (!growth) return null;
  const [t, tc, { lang }] = await Promise.all([getTranslations("growth.recovery"), getTranslations("growth.card"), coreLocale()]);
  return (
    <Card id="growth" aria-labelledby="growth-steps-title" data-testid="growth-steps">
      <h2 id="growth-steps-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{growthText({ ...growth, blockers: [] }, lang, { currency })}</p>
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t("lead")}</p>
      <ol className="mt-4 space-y-3">
        {growth.steps.map((s, i) => {
          const href = STEP_LINKS[s.code];
          return (
            <li key={s.code} data-step={s.code} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              <p className="font-medium">
                <span className="mr-1 text-slate-500 dark:text-slate-400">{i + 1}.</span> {stepText(s, lang)}
              </p>
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{s.reasonCodes.map((c) => codeName(c, lang)).join(lang === "en" ? ", " : "、")}</p>
              {href ? (
                <Link href={href} className={buttonClasses("secondary", "mt-3 min-h-10 py-1.5")}>
                  {tc("whatIf")}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
