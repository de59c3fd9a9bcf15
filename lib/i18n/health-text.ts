/**
 * The early-warning card in plain words (issue 10): each reason's most telling measure as one
 * sentence a borrower reads ("Your reported income fell to 61% of what it was — lenders often cut
 * when it falls below 80%"), graded warning (at the level that has preceded cuts), watch (within
 * reach of it) or fine. From the core's catalogue, like every other core text.
 */
import type { Assessment, ReasonCode, Signal } from "@/lib/core";
import { THRESHOLDS } from "@/lib/core";
import type { Locale } from "./config";
import { coreTranslator } from "./core-text";

export type Grade = "warning" | "watch" | "fine";
export interface HealthItem {
  code: ReasonCode;
  metric: string;
  grade: Exclude<Grade, "fine">;
  text: string;
}

const pct = (x: number) => Math.round(x * 100);

function values(s: Signal, locale: Locale): Record<string, string | number> {
  const t = coreTranslator(locale);
  const f = s.figures;
  const items = (["identity", "bankCard", "phone", "income"] as const).filter((k) => f[`${k}Missing`] === 1).map((k) => t(`profileItems.${k}`));
  return {
    value: s.metric === "debtIncomeMonths" ? Math.round(s.value * 10) / 10 : s.value,
    threshold: s.threshold,
    pct: s.metric === "incomeRatio" || s.metric === "platformDropShare" ? pct(s.value) : 0,
    thresholdPct: pct(s.threshold),
    utilPct: pct(THRESHOLDS.highUtilization),
    employment: typeof f.employment === "string" ? t(`employment.${f.employment}`) : "",
    items: items.join(t("listSeparator")),
  };
}

/** One sentence for a signal; `null` for a measure with no plain sentence (never shown raw). */
export function healthText(s: Signal, locale: Locale): string | null {
  const t = coreTranslator(locale);
  const key = `health.${s.metric}`;
  return t.has(key) ? t(key, values(s, locale)) : null;
}

/**
 * One line per reason: its first active measure (warning), else its closest near one (watch).
 * `fine` counts the reasons assessed that are neither.
 */
export function healthItems(a: Assessment, locale: Locale, maxWatch = 3): { items: HealthItem[]; fine: number } {
  const seen = new Set<ReasonCode>();
  const items: HealthItem[] = [];
  const add = (s: Signal, grade: HealthItem["grade"]) => {
    if (seen.has(s.code)) return;
    const text = healthText(s, locale);
    if (!text) return;
    seen.add(s.code);
    items.push({ code: s.code, metric: s.metric, grade, text });
  };
  for (const s of a.active) add(s, "warning");
  const before = items.length;
  for (const s of a.near) if (items.length - before < maxWatch) add(s, "watch");
  const assessed = new Set<ReasonCode>([...a.active, ...a.near].map((s) => s.code));
  // Every assessed reason (PROCESSING_DELAY needs a drop and is never assessed).
  const total = Object.keys(ASSESSED_REASONS).length;
  return { items, fine: Math.max(0, total - seen.size - [...assessed].filter((c) => !seen.has(c)).length) };
}

/** The reasons assess() measures: every rule but PROCESSING_DELAY. */
const ASSESSED_REASONS: Record<Exclude<ReasonCode, "PROCESSING_DELAY" | "UNEXPLAINED">, true> = {
  INCOME_DECREASE: true,
  EMPLOYMENT_CHANGE: true,
  HIGH_UTILIZATION: true,
  HIGH_DEBT_BURDEN: true,
  MULTI_LENDER_EXPOSURE: true,
  CREDIT_INQUIRIES: true,
  OVERDUE: true,
  EARLY_REPAYMENT_PATTERN: true,
  IRREGULAR_REPAYMENT: true,
  FREQUENT_SMALL_BORROWING: true,
  LOW_ACTIVITY: true,
  INCOMPLETE_PROFILE: true,
  ACCOUNT_SECURITY: true,
  SCORE_DECLINE: true,
  POLICY_TIGHTENING: true,
};
