"use client";

import { useFormatter } from "next-intl";
import { useMemo } from "react";
import { chartFormat } from "./chart-format";

/** chartFormat() with the client's formatter. */
export function useChartFormat(currency: string) {
  const format = useFormatter();
  return useMemo(() => chartFormat(format, currency), [format, currency]);
}
