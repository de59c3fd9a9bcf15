/**
 * Human text for the rule core's structured results, from messages/<locale>/core.json, rendered
 * with use-intl's createTranslator (no React), so the explain command and the web app print the
 * same sentences. The core never produces text; this file never decides a reason.
 */
import { createTranslator } from "use-intl/core";
// i18n-translator: t = "core" (helpers below take the core translator as an argument)
import type { Assessment, Explanation, Figures, Reason, Signal, Step } from "@/lib/core";
import { THRESHOLDS } from "@/lib/core";
import en from "@/messages/en/core.json";
import zh from "@/messages/zh-CN/core.json";
import { TIME_ZONE, type Locale } from "./config";

const MESSAGES: Record<Locale, typeof en> = { en, "zh-CN": zh };

type Values = Record<string, string | number>;
type Translate = (key: string, values?: Values) => string;

const cache = new Map<Locale, Translate>();

/** A translator for the "core" namespace; a missing message or value shows its key, never throws. */
export function coreTranslator(locale: Locale): Translate {
  let t = cache.get(locale);
  if (!t) {
    const raw = createTranslator({
      locale,
      timeZone: TIME_ZONE,
      messages: MESSAGES[locale],
      namespace: "core",
      onError: () => {},
      getMessageFallback: ({ key, namespace }) => `${namespace}.${key}`,
    });
    t = (key, values) => (raw as unknown as Translate)(key, values);
    cache.set(locale, t);
  }
  return t;
}

/** Which sentence of a reason with several fits its figures. */
function reasonKey(reason: Reason): string {
  const f = reason.evidence.figures;
  switch (reason.code) {
    case "INCOME_DECREASE":
      return typeof f.incomeRatioPct === "number" && f.incomeRatioPct < THRESHOLDS.incomeDropRatio * 100 ? "INCOME_DECREASE.income" : "INCOME_DECREASE.employment";
    case "IRREGULAR_REPAYMENT":
      return typeof f.repaymentCv === "number" && f.repaymentCv > THRESHOLDS.repaymentCv ? "IRREGULAR_REPAYMENT.uneven" : "IRREGULAR_REPAYMENT.bunched";
    case "LOW_ACTIVITY":
      return f.lastActivityDate ? "LOW_ACTIVITY.since" : "LOW_ACTIVITY.never";
    case "POLICY_TIGHTENING":
      return f.noticeDate ? "POLICY_TIGHTENING.notice" : "POLICY_TIGHTENING.platform";
    default:
      return reason.code;
  }
}

function profileItems(t: Translate, f: Figures): string {
  const items = (["identity", "bankCard", "phone", "income"] as const).filter((k) => f[`${k}Missing`] === 1);
  return items.map((k) => t(`profileItems.${k}`)).join(t("listSeparator"));
}

/** One reason as a sentence with its evidence figures filled in. */
export function reasonText(reason: Reason, locale: Locale): string {
  const t = coreTranslator(locale);
  const values: Values = {
    ...reason.evidence.figures,
    thresholdPct: Math.round(THRESHOLDS.highUtilization * 100),
    sharePct: Math.round(THRESHOLDS.smallDrawShare * 100),
  };
  if (reason.code === "INCOMPLETE_PROFILE") values.items = profileItems(t, reason.evidence.figures);
  return t(`reasons.${reasonKey(reason)}`, values);
}

export function stepText(step: Step, locale: Locale): string {
  return coreTranslator(locale)(`steps.${step.code}`);
}

/** An early-warning signal: "Credit applications within 30 days: 2 — 1 more reaches the level…". */
export function signalText(signal: Signal, locale: Locale): string {
  const t = coreTranslator(locale);
  const key = signal.active ? "signals.active" : signal.direction === "below" ? "signals.nearBelow" : "signals.near";
  return t(key, { label: t(`signals.metrics.${signal.metric}`), value: signal.value, threshold: signal.threshold, remaining: signal.remaining });
}

/** The explanation with a `text` field on every reason and step (the contract allows added fields). */
export function withText(explanation: Explanation, locale: Locale): Explanation {
  return {
    ...explanation,
    drops: explanation.drops.map((d) => ({
      ...d,
      reasons: d.reasons.map((r) => ({ ...r, text: reasonText(r, locale) })),
      steps: d.steps.map((s) => ({ ...s, text: stepText(s, locale) })),
    })),
  };
}

/** The assessment with a `text` field on every signal. */
export function assessmentWithText(a: Assessment, locale: Locale): Assessment {
  const add = (s: Signal) => ({ ...s, text: signalText(s, locale) });
  return { ...a, active: a.active.map(add), near: a.near.map(add) };
}
