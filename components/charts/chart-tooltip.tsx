"use client";

import { useTranslations } from "next-intl";
import type { ChartRow } from "./chart-rows";
import { useChartFormat } from "./use-chart-format";

interface Props {
  currency: string;
  active?: boolean;
  payload?: { payload?: ChartRow }[];
  label?: number;
}

/** What a finger or the arrow keys land on: the day, and only the values that exist there. */
export function ChartTooltip({ currency, active, payload, label }: Props) {
  const t = useTranslations("experience.chart");
  const fmt = useChartFormat(currency);
  const row = payload?.[0]?.payload;
  if (!active || !row || row.held || label === undefined) return null;
  const lines: string[] = [];
  if (row.limit !== undefined) lines.push(`${t("limit")}: ${fmt.money(row.limit)}`);
  if (row.score !== undefined) lines.push(`${t("score")}: ${row.score}`);
  if (row.borrow) lines.push(t("tooltipBorrow", { count: row.borrow, amount: fmt.money(row.borrowSum ?? 0) }));
  if (row.repayment) lines.push(t("tooltipRepayment", { count: row.repayment, amount: fmt.money(row.repaymentSum ?? 0) }));
  if (row.inquiry) lines.push(t("tooltipInquiry", { count: row.inquiry }));
  if (row.notice) lines.push(t("tooltipNotice", { count: row.notice }));
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-xs shadow-md dark:border-slate-700 dark:bg-slate-900">
      <p className="font-medium text-slate-900 dark:text-slate-100">{fmt.day(row.d)}</p>
      {lines.map((l) => (
        <p key={l} className="text-slate-700 dark:text-slate-300">
          {l}
        </p>
      ))}
    </div>
  );
}
