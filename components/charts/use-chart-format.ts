"use client";

import { useLocale } from "next-intl";
import { useMemo } from "react";
import { chartFormat } from "./chart-format";

/** chartFormat() in the client's locale. */
export function useChartFormat(currency: string) {
  const locale = useLocale();
  return useMemo(() => chartFormat(locale, currency), [locale, currency]);
}
