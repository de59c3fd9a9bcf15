/**
 * Human text for the rule core's structured results, from messages/<locale>/core.json, rendered
 * with one namespace translator (lib/i18n/namespace-translator.ts), so the explain command and the web app print the
 * same sentences. The core never produces text; this file never decides a reason. Every text is
 * true to its evidence (spec: "Texts"): amounts in the borrower's currency, dates read naturally,
 * no raw code or enum value reaches the reader.
 */
// i18n-translator: t = "core" (helpers below take the core translator as an argument)
import type { Assessment, Blocker, Drop, Explanation, Figures, Growth, Outlook, Reason, Signal, Step } from "@/lib/core";
import { THRESHOLDS } from "@/lib/core";
import en from "@/messages/en/core.json";
import zh from "@/messages/zh-CN/core.json";
import type { Locale } from "./config";
import { namespaceTranslator, type NamespaceTranslate as Translate } from "./namespace-translator";
import { formatDay, formatMoney, isDateFigure, MONEY_FIGURES } from "./core-format";

type Values = Record<string, string | number>;

/** The borrower's currency (history-v1 `borrower.currency`); texts without it would guess yuan. */
export interface TextOptions {
  currency: string;
}

/** A translator for the "core" namespace; a missing message or value shows its key, never throws. */
export const coreTranslator = namespaceTranslator({ en, "zh-CN": zh }, "core");

/** Figures ready for a message: amounts in the currency, days as dates, enum values in words. */
function figureValues(f: Figures, locale: Locale, options: TextOptions): Values {
  const t = coreTranslator(locale);
  const out: Values = {};
  for (const [k, v] of Object.entries(f)) {
    if (typeof v === "number" && MONEY_FIGURES.has(k)) out[k] = formatMoney(v, options.currency, locale);
    else if (typeof v === "string" && isDateFigure(k)) out[k] = formatDay(v, locale);
    else out[k] = v;
  }
  if (typeof f.employment === "string") out.employment = t(`employment.${f.employment}`);
  // EMPLOYMENT_CHANGE: an employment status is an enum value; an employer is the borrower's own words.
  if (f.field === "employment") {
    if (typeof f.from === "string") out.from = t(`employment.${f.from}`);
    if (typeof f.to === "string") out.to = t(`employment.${f.to}`);
  }
  return out;
}

/** Which sentence of a reason with several fits its figures. */
function reasonKey(reason: Pick<Reason, "code" | "evidence">): string {
  const f = reason.evidence.figures;
  switch (reason.code) {
    case "INCOME_DECREASE":
      return f.pattern === "income" ? "INCOME_DECREASE.income" : "INCOME_DECREASE.employment";
    case "EMPLOYMENT_CHANGE":
      return typeof f.changes === "number" && f.changes > 1 ? "EMPLOYMENT_CHANGE.many" : "EMPLOYMENT_CHANGE.one";
    case "IRREGULAR_REPAYMENT":
      return f.pattern === "bunched" ? "IRREGULAR_REPAYMENT.bunched" : "IRREGULAR_REPAYMENT.uneven";
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

/** "2 changes of employer and 1 of employment status": every change EMPLOYMENT_CHANGE counted. */
function changeSummary(t: Translate, f: Figures): string {
  const parts: string[] = [];
  if (Number(f.employerChanges) > 0) parts.push(t("changeSummary.employer", { count: Number(f.employerChanges) }));
  if (Number(f.statusChanges) > 0) parts.push(t("changeSummary.status", { count: Number(f.statusChanges) }));
  return parts.join(t("and"));
}

/** One reason as a sentence with its evidence figures filled in. */
export function reasonText(reason: Pick<Reason, "code" | "evidence">, locale: Locale, options: TextOptions): string {
  const t = coreTranslator(locale);
  const f = reason.evidence.figures;
  const values: Values = {
    ...figureValues(f, locale, options),
    thresholdPct: Math.round(THRESHOLDS.highUtilization * 100),
    sharePct: Math.round(THRESHOLDS.smallDrawShare * 100),
  };
  if (reason.code === "INCOMPLETE_PROFILE") values.items = profileItems(t, f);
  if (reason.code === "EMPLOYMENT_CHANGE") values.summary = changeSummary(t, f);
  return t(`reasons.${reasonKey(reason)}`, values);
}

/** A growth blocker: the reason sentences for the reason codes, their own for the growth-only ones. */
export function blockerText(blocker: Pick<Blocker, "code" | "evidence">, locale: Locale, options: TextOptions): string {
  const t = coreTranslator(locale);
  const f = blocker.evidence.figures;
  const values = figureValues(f, locale, options);
  switch (blocker.code) {
    case "LINE_UNUSED":
      return t(f.lastDrawDate ? "blockers.LINE_UNUSED.since" : "blockers.LINE_UNUSED.never", values);
    case "SPARSE_ACTIVITY":
      return t("blockers.SPARSE_ACTIVITY", values);
    case "LOW_PLATFORM_ASSETS":
      return t(f.assetDate ? "blockers.LOW_PLATFORM_ASSETS.low" : "blockers.LOW_PLATFORM_ASSETS.none", values);
    case "NO_CLEAR_BLOCKER":
      return t("blockers.NO_CLEAR_BLOCKER");
    case "POLICY_TIGHTENING":
      return t("blockers.POLICY_TIGHTENING", values);
    default:
      return reasonText(blocker as Pick<Reason, "code" | "evidence">, locale, options);
  }
}

export function stepText(step: Pick<Step<string>, "code"> & Partial<Step<string>>, locale: Locale): string {
  return coreTranslator(locale)(`steps.${step.code}`);
}

/** The short name of a reason or blocker ("Credit applications"), for lists inside a sentence. */
export function codeName(code: string, locale: Locale): string {
  return coreTranslator(locale)(`names.${code}`);
}

/**
 * One sentence for a drop: what happened and the main reason with its figures; a temporary drop
 * says when it was restored and that nothing needs doing.
 */
export function dropText(drop: Drop, locale: Locale, options: TextOptions): string {
  const t = coreTranslator(locale);
  const values = {
    from: formatMoney(drop.previousLimit, options.currency, locale),
    to: formatMoney(drop.newLimit, options.currency, locale),
    date: formatDay(drop.date, locale),
  };
  const head = t(drop.kind === "cancellation" ? "drop.cancellation" : "drop.decrease", values);
  const main = [...drop.reasons].sort((a, b) => a.rank - b.rank)[0];
  const reason = main ? t("drop.mainReason", { reason: reasonText(main, locale, options) }) : "";
  const restored = drop.temporary && drop.restoredOn ? t("drop.temporary", { restoredDate: formatDay(drop.restoredOn, locale) }) : "";
  return [head, restored, reason].filter(Boolean).join(t("sentenceSeparator"));
}

/** The outlook in words: when the signals clear, the likely window, the basis; always that the lender decides. */
export function outlookText(outlook: Outlook | null, locale: Locale): { text: string; basisText: string; caveat: string } {
  const t = coreTranslator(locale);
  const caveat = t("outlook.caveat");
  if (!outlook) return { text: t("outlook.none"), basisText: "", caveat };
  const day = (d: string) => formatDay(d, locale);
  const parts: string[] = [];
  if (outlook.restoredOn) parts.push(t("outlook.restored", { date: day(outlook.restoredOn) }));
  if (outlook.pending.length) {
    parts.push(t("outlook.pending", { reasons: outlook.pending.map((c) => codeName(c, locale)).join(t("listSeparator")) }));
  } else if (outlook.likelyFrom && outlook.likelyTo) {
    const window = { from: day(outlook.likelyFrom), to: day(outlook.likelyTo) };
    parts.push(outlook.signalsClearOn ? t("outlook.signalsAndWindow", { clearOn: day(outlook.signalsClearOn), ...window }) : t("outlook.windowOnly", window));
  }
  const basis = outlook.basis
    .map((b) =>
      b === "signals"
        ? t("outlook.basis.signals")
        : b === "own-history"
          ? t("outlook.basis.ownHistory", { drops: outlook.ownHistory?.drops ?? 0, medianDays: Math.round(outlook.ownHistory?.medianDays ?? 0) })
          : t("outlook.basis.cohort", {
              borrowers: outlook.cohort?.borrowers ?? 0,
              medianDays: Math.round(outlook.cohort?.medianDays ?? 0),
              q1Days: Math.round(outlook.cohort?.q1Days ?? 0),
              q3Days: Math.round(outlook.cohort?.q3Days ?? 0),
            }),
    )
    .join(t("listSeparator"));
  return { text: parts.join(t("sentenceSeparator")), basisText: t("outlook.basedOn", { basis, confidence: t(`outlook.confidence.${outlook.confidence}`) }), caveat };
}

/** Growth in one sentence: the flat level since when, and the main blocker. */
export function growthText(growth: Growth, locale: Locale, options: TextOptions): string {
  const t = coreTranslator(locale);
  // A level younger than 180 days (a drop in the window) has not "stayed" for months: say what is true.
  const head = t(growth.days >= THRESHOLDS.flatDays ? "growth.flat" : "growth.notRisen", { limit: formatMoney(growth.limit, options.currency, locale), since: formatDay(growth.since, locale), days: growth.days });
  const main = growth.blockers[0];
  return main ? [head, t("growth.mainBlocker", { blocker: blockerText(main, locale, options) })].join(t("sentenceSeparator")) : head;
}

/** An early-warning signal: "Credit applications within 30 days: 2 — 1 more reaches the level…". */
export function signalText(signal: Signal, locale: Locale): string {
  const t = coreTranslator(locale);
  const key = signal.active ? "signals.active" : signal.direction === "below" ? "signals.nearBelow" : "signals.near";
  return t(key, { label: t(`signals.metrics.${signal.metric}`), value: signal.value, threshold: signal.threshold, remaining: signal.remaining });
}

/** The explanation with a `text` on every drop, reason, step, outlook and growth (the contract allows added fields). */
export function withText(explanation: Explanation, locale: Locale, options: TextOptions): Explanation {
  const steps = <S extends Step<string>>(list: S[]) => list.map((s) => ({ ...s, text: stepText(s, locale) }));
  return {
    ...explanation,
    drops: explanation.drops.map((d) => ({
      ...d,
      text: dropText(d, locale, options),
      reasons: d.reasons.map((r) => ({ ...r, text: reasonText(r, locale, options) })),
      steps: steps(d.steps),
      ...(d.outlook ? { outlook: { ...d.outlook, ...withoutCaveat(outlookText(d.outlook, locale)) } } : {}),
    })),
    growth: explanation.growth && {
      ...explanation.growth,
      text: growthText(explanation.growth, locale, options),
      blockers: explanation.growth.blockers.map((b) => ({ ...b, text: blockerText(b, locale, options) })),
      steps: steps(explanation.growth.steps),
    },
  } as Explanation;
}

const withoutCaveat = ({ text, basisText }: { text: string; basisText: string }) => ({ text, basisText });

/** The assessment with a `text` field on every signal. */
export function assessmentWithText(a: Assessment, locale: Locale): Assessment {
  const add = (s: Signal) => ({ ...s, text: signalText(s, locale) });
  return { ...a, active: a.active.map(add), near: a.near.map(add) };
}
