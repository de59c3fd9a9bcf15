import { getLocale, getTranslations } from "next-intl/server";
import type { Assessment, Signal } from "@/lib/core";
import { signalText } from "@/lib/i18n/core-text";
import { isLocale } from "@/lib/i18n/config";
import { formatDay } from "@/lib/i18n/format";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

/** One line per reason: a reason measured several ways shows its first (most telling) measure. */
function byReason(signals: Signal[]): Signal[] {
  const seen = new Set<string>();
  return signals.filter((s) => !seen.has(s.code) && seen.add(s.code));
}

/**
 * The early-warning card: assess() signals active at the assessment day, in plain words, and the
 * ones within reach of their level. Only levels that have preceded cuts, never a prediction.
 */
export async function HealthCard({ assessment, stale }: { assessment: Assessment; stale: boolean }) {
  const [t, tr, locale] = await Promise.all([
    getTranslations("experience.health"),
    getTranslations("experience.reasonNames"),
    getLocale(),
  ]);
  const lang = isLocale(locale) ? locale : "en";
  const active = byReason(assessment.active);
  const near = byReason(assessment.near).slice(0, 3);
  const asOf = formatDay(locale, assessment.asOf, "long");

  return (
    <Card aria-labelledby="health-title">
      <CardTitle id="health-title">{t("title")}</CardTitle>
      <CardDescription>{stale ? t("staleAsOf", { date: asOf }) : t("asOf", { date: asOf })}</CardDescription>
      {active.length === 0 ? (
        <p className="mt-4 flex items-start gap-2 text-sm text-emerald-800 dark:text-emerald-300">
          <span aria-hidden="true">●</span>
          {t("allClear")}
        </p>
      ) : (
        <div className="mt-4">
          <h3 className="text-sm font-semibold text-rose-800 dark:text-rose-300">{t("activeTitle", { count: active.length })}</h3>
          <ul className="mt-2 space-y-3">
            {active.map((s) => (
              <li key={`${s.code}-${s.metric}`} className="border-l-4 border-rose-500 pl-3">
                <p className="text-sm font-medium">{tr(s.code)}</p>
                <p className="text-sm text-slate-600 dark:text-slate-400">{signalText(s, lang)}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
      {near.length > 0 ? (
        <div className="mt-4">
          <h3 className="text-sm font-semibold text-amber-800 dark:text-amber-300">{t("nearTitle")}</h3>
          <ul className="mt-2 space-y-3">
            {near.map((s) => (
              <li key={`${s.code}-${s.metric}`} className="border-l-4 border-amber-400 pl-3">
                <p className="text-sm font-medium">{tr(s.code)}</p>
                <p className="text-sm text-slate-600 dark:text-slate-400">{signalText(s, lang)}</p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">{t("caveat")}</p>
    </Card>
  );
}
