import { formatDay, formatMoney } from "@/lib/i18n/format";

export type ChartFormat = ReturnType<typeof chartFormat>;

/**
 * Money and calendar days (day numbers) for the chart, in the UI locale, through the app's one
 * money and date formatter. One definition for the server-drawn chart and the client one.
 */
export function chartFormat(locale: string, currency: string) {
  return {
    money: (v: number) => formatMoney(locale, v, currency),
    compactMoney: (v: number) => formatMoney(locale, v, currency, { compact: true }),
    day: (d: number) => formatDay(locale, d, "short"),
    tick: (d: number, spanDays: number) => formatDay(locale, d, spanDays > 400 ? "month" : "monthDay"),
  };
}
