import { getLocale, getTranslations } from "next-intl/server";
import type { Assessment } from "@/lib/core";
import { isLocale } from "@/lib/i18n/config";
import type { PlannedDrop } from "@/lib/recovery/priority";
import { progress } from "@/lib/recovery/schedule";
import { serverFormat } from "./server-format";
import { RecoveryStep } from "./recovery-step";

/**
 * The recovery steps of one planned drop (lib/recovery/priority): progress and the next check date,
 * the steps to do first marked, and for a restored or superseded drop why its steps need no work.
 */
export async function RecoveryChecklist({ planned, assessment, today, currency }: { planned: PlannedDrop; assessment: Assessment | null; today: string; currency: string }) {
  const [t, tp, locale, fmt] = await Promise.all([getTranslations("experience.recovery"), getTranslations("recovery.plan"), getLocale(), serverFormat(currency)]);
  const lang = isLocale(locale) ? locale : "en";
  const { drop, status, steps } = planned;
  const interactive = status.kind === "current";
  const p = progress(
    steps.map((s) => s.state),
    today,
  );
  const firstCount = steps.filter((s) => s.first).length;
  const activeToday = assessment ? new Set(assessment.active.map((s) => s.code)) : null;
  const pct = p.total ? Math.round(((p.done + p.skipped) / p.total) * 100) : 0;
  return (
    <section aria-labelledby={`steps-${drop.date}`} data-testid="recovery-checklist" data-status={status.kind}>
      <h2 id={`steps-${drop.date}`} className="text-lg font-semibold">
        {t("title")}
      </h2>
      {status.kind !== "current" ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{status.kind === "restored" ? tp("status.restored", { date: fmt.day(status.on) }) : tp("status.superseded", { date: fmt.day(status.by) })}</p>
      ) : firstCount > 0 ? (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300" data-testid="first-lead">
          {tp("firstLead", { count: firstCount })}
        </p>
      ) : null}
      {steps.length > 0 && (interactive || p.done + p.skipped > 0) ? (
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
          <div className="h-2 w-40 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" role="progressbar" aria-valuemin={0} aria-valuemax={p.total} aria-valuenow={p.done + p.skipped} aria-label={t("progressLabel")}>
            <div className="h-full bg-brand-600 dark:bg-brand-400" style={{ width: `${pct}%` }} />
          </div>
          <span>{t("progress", { done: p.done, skipped: p.skipped, total: p.total })}</span>
        </div>
      ) : steps.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{tp("noSteps")}</p>
      ) : null}
      {interactive ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" data-testid="next-check">
          {p.nextCheck ? t("nextCheck", { date: fmt.day(p.nextCheck) }) : t("noCheckYet")}
        </p>
      ) : null}
      <ol className="mt-4 space-y-3">
        {steps.map((s, i) => (
          <RecoveryStep key={s.step.code} planned={s} index={i} dropDate={drop.date} interactive={interactive} activeToday={activeToday} today={today} currency={currency} lang={lang} />
        ))}
      </ol>
    </section>
  );
}
