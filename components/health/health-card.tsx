import { getLocale, getTranslations } from "next-intl/server";
import type { Assessment } from "@/lib/core";
import { isLocale } from "@/lib/i18n/config";
import { formatDay } from "@/lib/i18n/format";
import { healthItems, type Grade } from "@/lib/i18n/health-text";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

const GRADE_STYLE: Record<Grade, { border: string; tone: "danger" | "warning" | "brand" }> = {
  warning: { border: "border-rose-500", tone: "danger" },
  watch: { border: "border-amber-400", tone: "warning" },
  fine: { border: "border-emerald-500", tone: "brand" },
};

/**
 * The early-warning card: assess() signals in plain words (lib/i18n/health-text.ts), graded
 * warning / watch / fine. Only levels that have preceded cuts, never a prediction.
 */
export async function HealthCard({ assessment, stale }: { assessment: Assessment; stale: boolean }) {
  const [t, tr, tg, locale] = await Promise.all([
    getTranslations("experience.health"),
    getTranslations("experience.reasonNames"),
    getTranslations("growth.health"),
    getLocale(),
  ]);
  const lang = isLocale(locale) ? locale : "en";
  const { items, fine } = healthItems(assessment, lang);
  const warnings = items.filter((i) => i.grade === "warning").length;
  const asOf = formatDay(locale, assessment.asOf, "long");

  return (
    <Card aria-labelledby="health-title" data-testid="health-card">
      <CardTitle id="health-title">{t("title")}</CardTitle>
      <CardDescription>{stale ? t("staleAsOf", { date: asOf }) : t("asOf", { date: asOf })}</CardDescription>
      {warnings === 0 ? (
        <p className="mt-4 flex items-start gap-2 text-sm text-emerald-800 dark:text-emerald-300">
          <span aria-hidden="true">●</span>
          {t("allClear")}
        </p>
      ) : (
        <h3 className="mt-4 text-sm font-semibold text-rose-800 dark:text-rose-300">{t("activeTitle", { count: warnings })}</h3>
      )}
      {items.length > 0 ? (
        <ul className="mt-3 space-y-3">
          {items.map((item) => (
            <li key={item.code} className={`border-l-4 pl-3 ${GRADE_STYLE[item.grade].border}`} data-grade={item.grade}>
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                <Badge tone={GRADE_STYLE[item.grade].tone}>{tg(`grades.${item.grade}`)}</Badge>
                {tr(item.code)}
              </p>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{item.text}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {fine > 0 ? (
        <p className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400" data-grade="fine">
          <Badge tone={GRADE_STYLE.fine.tone}>{tg("grades.fine")}</Badge>
          {tg(items.length ? "fineSummary" : "fineAll", { count: fine })}
        </p>
      ) : null}
      <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">{t("caveat")}</p>
    </Card>
  );
}
