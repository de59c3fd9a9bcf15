/**
 * The one money formatter and the one date formatter per locale, for every component (server or
 * client), the chart and the appeal letter alike. Calendar days are formatted in UTC from their
 * UTC midnight, so the day never shifts whatever zone the process runs in. Formatters are built
 * once per locale and option set (Intl constructors are slow).
 */
import { dayToDate, DAY_MS } from "@/lib/days";

export type DayStyle = "long" | "short" | "month" | "monthDay";
export type MoneyOptions = { compact?: boolean };

const DAY_OPTIONS: Record<DayStyle, Intl.DateTimeFormatOptions> = {
  /** In sentences and letters: "March 30, 2025", 2025年3月30日. */
  long: { dateStyle: "long", timeZone: "UTC" },
  /** In tables, lists and the chart: "Mar 30, 2025", 2025年3月30日. */
  short: { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" },
  /** Axis ticks of long spans: "Mar 2025". */
  month: { year: "numeric", month: "short", timeZone: "UTC" },
  /** Axis ticks of short spans: "Mar 30". */
  monthDay: { month: "short", day: "numeric", timeZone: "UTC" },
};

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/**
 * An amount in major units with the narrow symbol (¥, not "CN¥", in English). Whole amounts drop
 * the ".00" (limits are almost always whole yuan); any other amount shows both decimals, never
 * rounded away. `compact` is for chart axes: ¥30K, ¥3万.
 */
export function formatMoney(locale: string, amount: number, currency: string, options: MoneyOptions = {}): string {
  if (options.compact) {
    const f = memo(`m:${locale}:${currency}:c`, () => new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol", notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 }));
    return f.format(amount);
  }
  const digits = Number.isInteger(amount) ? 0 : 2;
  const f = memo(`m:${locale}:${currency}:${digits}`, () => new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol", minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return f.format(amount);
}

/** A calendar day (YYYY-MM-DD, or a day number since 1970-01-01 as the chart keeps them). */
export function formatDay(locale: string, day: string | number, style: DayStyle = "long"): string {
  const f = memo(`d:${locale}:${style}`, () => new Intl.DateTimeFormat(locale, DAY_OPTIONS[style]));
  return f.format(typeof day === "number" ? new Date(day * DAY_MS) : dayToDate(day));
}
