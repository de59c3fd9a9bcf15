import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Assessment, Drop, StepCode } from "@/lib/core";
import { isLocale } from "@/lib/i18n/config";
import { stepText } from "@/lib/i18n/core-text";
import { progress, type StepState } from "@/lib/recovery/schedule";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { serverFormat } from "./server-format";
import { StepActions } from "./step-actions";

/** Where a step is actually done: our own form, the appeal letter, or the credit-reference centre. */
function stepHref(code: StepCode, dropDate: string): { href: string; external?: boolean } | null {
  switch (code) {
    case "UPDATE_INCOME":
    case "COMPLETE_PROFILE":
      return { href: `/profile?drop=${dropDate}&step=${code}` };
    case "FILE_APPEAL":
      return { href: `/drops/${dropDate}/appeal` };
    case "CHECK_CREDIT_REPORT":
      // The People's Bank of China credit reference centre: the official free personal report.
      return { href: "https://ipcrs.pbccrc.org.cn/", external: true };
    case "WAIT_AND_RECHECK":
      return { href: "/data" };
    // Behaviour steps are done outside the app; the what-if page shows when their signals clear.
    case "PAUSE_CREDIT_APPLICATIONS":
      return { href: "/what-if?noNewApplications=on&horizon=180" };
    case "REDUCE_UTILIZATION":
      return { href: "/what-if?payDown=0.5&horizon=90" };
    case "REPAY_ON_SCHEDULE":
    case "PLAN_FEWER_LARGER_BORROWINGS":
      return { href: "/what-if?repayOnSchedule=on&horizon=180" };
    case "USE_ACCOUNT_REGULARLY":
      return { href: "/what-if?keepUsingAccount=on&horizon=90" };
    default:
      return null;
  }
}

/** The recovery steps of one drop with progress, the next check date, and today's state of each step's reasons. */
export async function RecoveryChecklist({ drop, states, assessment, today, currency }: { drop: Drop; states: StepState[]; assessment: Assessment | null; today: string; currency: string }) {
  const [t, tn, locale, fmt] = await Promise.all([getTranslations("experience.recovery"), getTranslations("experience.reasonNames"), getLocale(), serverFormat(currency)]);
  const lang = isLocale(locale) ? locale : "en";
  const p = progress(states, today);
  const activeToday = new Set(assessment?.active.map((s) => s.code) ?? []);
  const pct = p.total ? Math.round(((p.done + p.skipped) / p.total) * 100) : 0;
  return (
    <section aria-labelledby={`steps-${drop.date}`} data-testid="recovery-checklist">
      <h2 id={`steps-${drop.date}`} className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
        <div className="h-2 w-40 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" role="progressbar" aria-valuemin={0} aria-valuemax={p.total} aria-valuenow={p.done + p.skipped} aria-label={t("progressLabel")}>
          <div className="h-full bg-brand-600 dark:bg-brand-400" style={{ width: `${pct}%` }} />
        </div>
        <span>{t("progress", { done: p.done, skipped: p.skipped, total: p.total })}</span>
      </div>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" data-testid="next-check">
        {p.nextCheck ? t("nextCheck", { date: fmt.day(p.nextCheck) }) : t("noCheckYet")}
      </p>
      <ol className="mt-4 space-y-3">
        {drop.steps.map((step, i) => {
          const state = states.find((s) => s.code === step.code) ?? { code: step.code, status: "todo" as const, on: null };
          const link = stepHref(step.code, drop.date);
          const stillActive = step.reasonCodes.filter((c) => activeToday.has(c));
          return (
            <li key={step.code} data-step={step.code} className={`rounded-xl border p-4 ${state.status === "todo" ? "border-slate-200 dark:border-slate-800" : "border-emerald-200 bg-emerald-50/50 dark:border-emerald-900 dark:bg-emerald-950/30"}`}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <p className={`font-medium ${state.status === "skipped" ? "text-slate-500 line-through" : ""}`}>
                  <span className="mr-1 text-slate-500">{i + 1}.</span> {stepText(step, lang)}
                </p>
                {state.status !== "todo" && state.on ? (
                  <Badge tone={state.status === "done" ? "brand" : "neutral"}>{t(state.status === "done" ? "doneBadge" : "skippedBadge", { date: fmt.day(state.on) })}</Badge>
                ) : null}
              </div>
              {step.reasonCodes.length > 0 ? (
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t("answers", { reasons: step.reasonCodes.map((c) => tn(c)).join(lang === "en" ? ", " : "、") })}</p>
              ) : step.basis?.length ? (
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t(`basis.${step.basis[0]}`)}</p>
              ) : null}
              {step.reasonCodes.length > 0 && assessment ? (
                <p className={`mt-1 text-xs font-medium ${stillActive.length ? "text-amber-700 dark:text-amber-300" : "text-emerald-700 dark:text-emerald-300"}`} data-testid="step-today">
                  {stillActive.length ? t("stillActive", { reasons: stillActive.map((c) => tn(c)).join(lang === "en" ? ", " : "、") }) : t("clearToday")}
                </p>
              ) : null}
              <div className="flex flex-wrap items-end gap-2">
                {link ? (
                  link.external ? (
                    <a href={link.href} target="_blank" rel="noopener noreferrer" className={buttonClasses("secondary", "mt-3 min-h-10 py-1.5")}>
                      {t(`go.${step.code}`)} <span aria-hidden="true">↗</span>
                    </a>
                  ) : (
                    <Link href={link.href} className={buttonClasses("secondary", "mt-3 min-h-10 py-1.5")}>
                      {t.has(`go.${step.code}`) ? t(`go.${step.code}`) : t("go.whatIf")}
                    </Link>
                  )
                ) : null}
                <StepActions dropDate={drop.date} stepCode={step.code} status={state.status} today={today} />
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
