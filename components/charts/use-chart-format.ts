"use client";

import { useFormatter } from "next-intl";
import { useMemo } from "react";
import { dayToDate } from "./chart-rows";

/** Money, scores and calendar days formatted for the UI locale (days in UTC: they are calendar days). */
export function useChartFormat(currency: string) {
  const format = useFormatter();
  return useMemo(
    () => ({
      money: (v: number) => format.number(v, { style: "currency", currency, currencyDisplay: "narrowSymbol", maximumFractionDigits: 0 }),
      compactMoney: (v: number) =>
        format.number(v, { style: "currency", currency, currencyDisplay: "narrowSymbol", notation: "compact", maximumFractionDigits: 1 }),
      day: (d: number) => format.dateTime(dayToDate(d), { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }),
      tick: (d: number, spanDays: number) =>
        format.dateTime(dayToDate(d), spanDays > 400 ? { year: "numeric", month: "short", timeZone: "UTC" } : { month: "short", day: "numeric", timeZone: "UTC" }),
    }),
    [format, currency],
  );
}
