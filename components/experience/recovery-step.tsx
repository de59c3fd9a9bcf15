import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReasonCode, StepCode } from "@/lib/core";
import type { Locale } from "@/lib/i18n/config";
import { stepText } from "@/lib/i18n/core-text";
import type { PlannedStep } from "@/lib/recovery/priority";
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

interface Props {
  planned: PlannedStep;
  index: number;
  dropDate: string;
  /** Steps of a restored or superseded drop are shown, not worked on. */
  interactive: boolean;
  activeToday: ReadonlySet<ReasonCode> | null;
  today: string;
  currency: string;
  lang: Locale;
}

/** One step: what to do, why (its reasons or basis), today's state, and where and when it is done. */
export async function RecoveryStep({ planned, index, dropDate, interactive, activeToday, today, currency, lang }: Props) {
  const [t, tp, tn, fmt] = await Promise.all([getTranslations("experience.recovery"), getTranslations("recovery.plan"), getTranslations("experience.reasonNames"), serverFormat(currency)]);
  const { step, state, first, note } = planned;
  const sep = lang === "en" ? ", " : "、";
  const stillActive = step.reasonCodes.filter((c) => activeToday?.has(c));
  const link = interactive ? stepHref(step.code, dropDate) : null;
  const tone = first ? "border-brand-300 ring-1 ring-brand-200 dark:border-brand-700 dark:ring-brand-900" : state.status === "todo" ? "border-slate-200 dark:border-slate-800" : "border-emerald-200 bg-emerald-50/50 dark:border-emerald-900 dark:bg-emerald-950/30";
  return (
    <li data-step={step.code} data-first={first ? "true" : undefined} className={`rounded-xl border p-4 ${tone}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className={`font-medium ${state.status === "skipped" ? "text-slate-500 line-through dark:text-slate-400" : ""}`}>
          <span className="mr-1 text-slate-500 dark:text-slate-400">{index + 1}.</span> {stepText(step, lang)}
        </p>
        {first ? <Badge tone="warning">{tp("firstBadge")}</Badge> : null}
        {state.status !== "todo" && state.on ? <Badge tone={state.status === "done" ? "brand" : "neutral"}>{t(state.status === "done" ? "doneBadge" : "skippedBadge", { date: fmt.day(state.on) })}</Badge> : null}
      </div>
      {step.reasonCodes.length > 0 ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t("answers", { reasons: step.reasonCodes.map((c) => tn(c)).join(sep) })}</p>
      ) : step.basis?.length ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t(`basis.${step.basis[0]}`)}</p>
      ) : null}
      {note ? (
        <p className="mt-1 text-xs font-medium text-emerald-700 dark:text-emerald-300" data-testid="step-note">
          {note.kind === "restored" ? tp("note.restored", { date: fmt.day(note.on) }) : note.kind === "superseded" ? tp("note.superseded", { date: fmt.day(note.by) }) : tp("note.clearedToday")}
        </p>
      ) : stillActive.length ? (
        <p className="mt-1 text-xs font-medium text-amber-700 dark:text-amber-300" data-testid="step-today">
          {t("stillActive", { reasons: stillActive.map((c) => tn(c)).join(sep) })}
        </p>
      ) : null}
      {interactive ? (
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
          <StepActions dropDate={dropDate} stepCode={step.code} status={state.status} today={today} />
        </div>
      ) : null}
    </li>
  );
}
