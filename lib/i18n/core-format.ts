/**
 * Amounts and dates in the rule core's texts (spec: "Texts"): the borrower's currency in the
 * reader's language, calendar days read naturally. Pure (Intl only), so the explain command, the
 * API and the app print the same strings.
 */
import type { Locale } from "./config";

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** Whole amounts without decimals (limits are almost always whole yuan), any other with two. */
const digits = (amount: number) => (Number.isInteger(amount) ? 0 : 2);

/**
 * `¥36,800.15` / `36,800.15元` for CNY, `US$36,800.15` for USD in both languages; other
 * currencies by their unambiguous symbol in English (`€`, `HK$`, `JP¥`) and their Chinese name
 * in Chinese (`36,800.15港元`).
 */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  const d = digits(amount);
  const plain = numberFormat(locale === "en" ? "en" : "zh-CN", { minimumFractionDigits: d, maximumFractionDigits: d }).format(amount);
  if (currency === "CNY") return locale === "en" ? `¥${plain}` : `${plain}元`;
  if (currency === "USD") return `US$${plain}`;
  const style = { style: "currency", currency, minimumFractionDigits: d, maximumFractionDigits: d } as const;
  try {
    // zh-CN's symbols are the unambiguous ones (JP¥ rather than ¥) in either language.
    return locale === "en" ? numberFormat("zh-CN", { ...style, currencyDisplay: "symbol" }).format(amount) : numberFormat("zh-CN", { ...style, currencyDisplay: "name" }).format(amount);
  } catch {
    return `${currency} ${plain}`;
  }
}

const dateCache = new Map<Locale, Intl.DateTimeFormat>();
/** A calendar day (YYYY-MM-DD): `5 March 2025`, `2025年3月5日`. */
export function formatDay(day: string, locale: Locale): string {
  let f = dateCache.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    dateCache.set(locale, f);
  }
  return f.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** Figures that are amounts of money, and figures that are calendar days. */
export const MONEY_FIGURES = new Set(["earlierIncome", "latestIncome", "balance", "monthlyIncome", "latestBalance", "limit", "previousLimit", "newLimit"]);
export const isDateFigure = (key: string): boolean => key.endsWith("Date") || key === "weekStart" || key === "since";
