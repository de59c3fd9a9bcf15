import type { getFormatter } from "next-intl/server";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/**
 * A history calendar day (YYYY-MM-DD, an Asia/Shanghai day) as a localized date. Noon Shanghai
 * time keeps the day the same whatever zone the formatter is set to.
 */
export function formatDay(format: Formatter, day: string): string {
  return format.dateTime(new Date(`${day}T12:00:00+08:00`), { year: "numeric", month: "short", day: "numeric" });
}

/**
 * Amounts in major units; `narrowSymbol` shows ¥ rather than "CN¥" in English. Whole amounts
 * drop the ".00" (limits are almost always whole yuan); any other amount shows both decimals.
 */
export function formatMoney(format: Formatter, amount: number, currency: string): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  return format.number(amount, { style: "currency", currency, currencyDisplay: "narrowSymbol", maximumFractionDigits: digits, minimumFractionDigits: digits });
}
