import type { useFormatter } from "next-intl";
import { dayToDate } from "./chart-rows";

type Formatter = Pick<ReturnType<typeof useFormatter>, "number" | "dateTime">;
export type ChartFormat = ReturnType<typeof chartFormat>;

/**
 * Money, scores and calendar days for the chart, in the UI locale (days in UTC: they are calendar
 * days). One definition for the server-drawn chart (getFormatter) and the client one (useFormatter).
 */
export function chartFormat(format: Formatter, currency: string) {
  return {
    money: (v: number) => format.number(v, { style: "currency", currency, currencyDisplay: "narrowSymbol", maximumFractionDigits: 0 }),
    compactMoney: (v: number) => format.number(v, { style: "currency", currency, currencyDisplay: "narrowSymbol", notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 }),
    day: (d: number) => format.dateTime(dayToDate(d), { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }),
    tick: (d: number, spanDays: number) =>
      format.dateTime(dayToDate(d), spanDays > 400 ? { year: "numeric", month: "short", timeZone: "UTC" } : { month: "short", day: "numeric", timeZone: "UTC" }),
  };
}
