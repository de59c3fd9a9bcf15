"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { OBSERVATION_TYPES } from "@/lib/screenshots/read";
import type { Draft, DraftVerdict } from "./flow-state";

const select =
  "block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100";

/** One value read from a screenshot, editable: its kind, the amount or score, the date. */
export function DraftRow(props: {
  draft: Draft;
  verdict: DraftVerdict;
  verdictValues: Record<string, string | number>;
  onEdit: (patch: Partial<Omit<Draft, "key">>) => void;
}) {
  const t = useTranslations("screenshots");
  const { draft: d, verdict } = props;
  const id = `draft-${d.key.replace(/[^a-z0-9]/gi, "-")}`;
  const saved = verdict === null;
  return (
    <fieldset className="grid grid-cols-2 gap-2 rounded-xl border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_1fr] dark:border-slate-700" data-testid="draft">
      <legend className="sr-only">{t(`types.${d.type}`)}</legend>
      <label className="text-xs text-slate-600 dark:text-slate-400" htmlFor={`${id}-type`}>
        {t("type")}
        <select id={`${id}-type`} className={select} value={d.type} onChange={(e) => props.onEdit({ type: e.target.value as Draft["type"] })}>
          {OBSERVATION_TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`types.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600 dark:text-slate-400" htmlFor={`${id}-value`}>
        {t("value")}
        <Input id={`${id}-value`} inputMode="decimal" value={d.value} aria-invalid={verdict === "badValue" || verdict === "badScore"} onChange={(e) => props.onEdit({ value: e.target.value })} />
      </label>
      <label className="col-span-2 text-xs text-slate-600 sm:col-span-1 dark:text-slate-400" htmlFor={`${id}-date`}>
        {t("date")}
        <Input id={`${id}-date`} type="date" value={d.date} aria-invalid={verdict === "noDate" || verdict === "futureDate"} onChange={(e) => props.onEdit({ date: e.target.value })} />
      </label>
      <p className={`col-span-2 text-sm sm:col-span-3 ${saved ? "text-emerald-700 dark:text-emerald-300" : "text-slate-600 dark:text-slate-400"}`}>
        {saved ? `✓ ${t("verdict.saved")}` : t(`verdict.${verdict}`, props.verdictValues)}
        <span className="text-slate-500 dark:text-slate-400"> · {t("confidence", { percent: Math.round(d.confidence * 100) })}</span>
      </p>
    </fieldset>
  );
}
