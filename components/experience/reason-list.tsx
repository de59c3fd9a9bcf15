import { getLocale, getTranslations } from "next-intl/server";
import type { Reason } from "@/lib/core";
import { CONTEXT_REASONS } from "@/lib/core";
import { isLocale } from "@/lib/i18n/config";
import { reasonText } from "@/lib/i18n/core-text";
import { Badge } from "@/components/ui/badge";

const CONFIDENCE_TONE = { high: "danger", medium: "warning", low: "neutral" } as const;

/** The drop's reasons in rank order: what was measured, what it means, how sure we are. */
export async function ReasonList({ reasons, currency }: { reasons: Reason[]; currency: string }) {
  const [t, tn, tm, locale] = await Promise.all([
    getTranslations("experience.drop"),
    getTranslations("experience.reasonNames"),
    getTranslations("experience.reasonMeaning"),
    getLocale(),
  ]);
  const lang = isLocale(locale) ? locale : "en";
  const ranked = [...reasons].sort((a, b) => a.rank - b.rank);
  return (
    <ol className="space-y-4" data-testid="reason-list">
      {ranked.map((r) => {
        const context = (CONTEXT_REASONS as readonly string[]).includes(r.code);
        return (
          <li key={r.code} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            <div className="flex flex-wrap items-center gap-2">
              <span className="inline-flex size-7 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold dark:bg-slate-800" aria-hidden="true">
                {r.rank}
              </span>
              <h3 className="font-semibold">
                <span className="sr-only">{t("rankLabel", { rank: r.rank })} </span>
                {tn(r.code)}
              </h3>
              <Badge tone={CONFIDENCE_TONE[r.confidence]}>{t(`confidence.${r.confidence}`)}</Badge>
              {context ? <Badge>{t("contextBadge")}</Badge> : null}
            </div>
            <p className="mt-2 text-sm">{reasonText(r, lang, { currency })}</p>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{tm(r.code)}</p>
            <div className="mt-3 flex items-center gap-3 text-xs text-slate-500 dark:text-slate-400">
              <span className="h-1.5 w-24 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" aria-hidden="true">
                <span className="block h-full bg-rose-500" style={{ width: `${Math.round(r.weight * 100)}%` }} />
              </span>
              <span>{t("weight", { pct: Math.round(r.weight * 100) })}</span>
              {r.evidence.eventIds.length > 0 ? <span>· {t("evidenceCount", { count: r.evidence.eventIds.length })}</span> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
