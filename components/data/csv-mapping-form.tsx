"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import type { CsvMappingInput, CsvType } from "@/lib/history/csv-mapping";
import { Select } from "@/components/ui/select";

// csv-mapping.ts hashes with node:crypto, so the browser cannot import its values; the server
// validates the mapping with csvMapping and answers field problems.
const TYPES = ["borrow", "repayment", "limit", "score", "asset", "activity", "inquiry"] as const satisfies readonly CsvType[];
const ROLES = ["date", "amount", "type", "id", "note"] as const;
type Role = (typeof ROLES)[number];


/** A mapping being filled in: no column is required yet. */
export type MappingDraft = Omit<CsvMappingInput, "columns"> & { columns: Partial<CsvMappingInput["columns"]> };

type Props = {
  headers: string[];
  sampleRows: string[][];
  /** Every value of each column over the whole file (columns with few distinct values only). */
  columnValues?: Record<string, string[]>;
  initial: MappingDraft;
  /** Type column values seen beyond the sample rows (from a preview). */
  extraTypeValues?: string[];
  pending: boolean;
  onSubmit: (mapping: CsvMappingInput) => void;
};

/** Which column is the date, the amount, the type: asked once per header, then remembered. */
export function CsvMappingForm({ headers, sampleRows, columnValues = {}, initial, extraTypeValues = [], pending, onSubmit }: Props) {
  const t = useTranslations("data");
  const tb = useTranslations("bills.mapping");
  const [columns, setColumns] = useState<Partial<Record<Role, string>>>(initial.columns ?? {});
  const [fixedType, setFixedType] = useState<string>(initial.fixedType ?? "");
  const [typeValues, setTypeValues] = useState<Record<string, string>>((initial.typeValues as Record<string, string>) ?? {});
  const [negative, setNegative] = useState(initial.negativeAmounts ?? "reject");

  const typeIndex = columns.type ? headers.indexOf(columns.type) : -1;
  // All of the column's values in the file, not only those of the sample rows.
  const fileValues = columns.type ? (columnValues[columns.type] ?? (typeIndex === -1 ? [] : sampleRows.map((r) => (r[typeIndex] ?? "").trim()))) : [];
  const seen = [...new Set([...fileValues, ...Object.keys(typeValues), ...extraTypeValues])].filter(Boolean);

  const submit = () => {
    const cols = Object.fromEntries(Object.entries(columns).filter(([, v]) => v));
    const useColumn = Boolean(columns.type);
    onSubmit({
      columns: cols as CsvMappingInput["columns"],
      ...(useColumn ? { typeValues: Object.fromEntries(seen.filter((v) => typeValues[v]).map((v) => [v, typeValues[v]])) as CsvMappingInput["typeValues"] } : {}),
      ...(!useColumn && fixedType ? { fixedType: fixedType as CsvType } : {}),
      negativeAmounts: negative,
    });
  };

  return (
    <form
      className="space-y-4"
      data-testid="mapping-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {ROLES.map((role) => (
          <div key={role}>
            <Label htmlFor={`map-${role}`}>{t(`importPage.column.${role}`)}</Label>
            <Select id={`map-${role}`} value={columns[role] ?? ""} onChange={(e) => setColumns({ ...columns, [role]: e.target.value || undefined })}>
              <option value="">{t("importPage.none")}</option>
              {headers.filter(Boolean).map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </Select>
          </div>
        ))}
        {!columns.type ? (
          <div>
            <Label htmlFor="map-fixed">{t("importPage.fixedType")}</Label>
            <Select id="map-fixed" value={fixedType} onChange={(e) => setFixedType(e.target.value)}>
              <option value="">{t("options.unset")}</option>
              {TYPES.map((k) => (
                <option key={k} value={k}>
                  {t(`types.${k}`)}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
        <div>
          <Label htmlFor="map-negative">{t("importPage.negative")}</Label>
          <Select id="map-negative" value={negative} onChange={(e) => setNegative(e.target.value as "reject" | "absolute")}>
            <option value="reject">{t("importPage.negativeReject")}</option>
            <option value="absolute">{t("importPage.negativeAbsolute")}</option>
          </Select>
        </div>
      </div>
      {columns.type && seen.length ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t("importPage.typeValues")}</legend>
          <p className="text-xs text-slate-500 dark:text-slate-400">{tb("allValues", { count: seen.length })}</p>
          {seen.map((v) => (
            <div key={v} className="grid grid-cols-[1fr_1.4fr] items-center gap-3">
              <label htmlFor={`tv-${v}`} className="truncate font-mono text-sm">
                {v}
              </label>
              <Select id={`tv-${v}`} value={typeValues[v] ?? ""} onChange={(e) => setTypeValues({ ...typeValues, [v]: e.target.value })}>
                <option value="">{t("options.unset")}</option>
                {TYPES.map((k) => (
                  <option key={k} value={k}>
                    {tb(`typeHelp.${k}`)}
                  </option>
                ))}
                <option value="skip">{tb("typeHelp.skip")}</option>
              </Select>
            </div>
          ))}
        </fieldset>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">{t("importPage.sample")}</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-xs">
            <thead>
              <tr>
                {headers.map((h, i) => (
                  <th key={i} className="border-b border-slate-200 px-2 py-1 text-left font-medium dark:border-slate-700">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sampleRows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) => (
                    <td key={j} className="whitespace-nowrap px-2 py-1">
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <Button type="submit" disabled={pending || !columns.date}>
        {t("importPage.previewMapping")}
      </Button>
    </form>
  );
}
