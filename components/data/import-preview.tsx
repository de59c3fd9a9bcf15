"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { ImportPreview as Preview } from "@/lib/data/imports";

type Ready = Extract<Preview, { kind: "preview" }>;

function Stat({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <div className="rounded-xl bg-slate-50 px-3 py-2.5 dark:bg-slate-950">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** What the import would do: counts against the stored data, skipped rows and why, problems by line or path. */
export function ImportPreview({ preview }: { preview: Ready }) {
  const t = useTranslations("data");
  const p = preview;
  const skipped = Object.entries(p.skippedByReason);
  return (
    <div className="space-y-4" data-testid="import-preview">
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("importPage.detected", { format: t(`importPage.formatName.${p.format}`) })}</p>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        <Stat label={t("importPage.rows")} value={p.rowsTotal} />
        <Stat label={t("importPage.recognised")} value={p.events} testId="preview-events" />
        <Stat label={t("importPage.skipped")} value={p.skippedTotal} testId="preview-skipped" />
        <Stat label={t("importPage.fresh")} value={p.fresh} testId="preview-new" />
        <Stat label={t("importPage.changed")} value={p.changed} />
        <Stat label={t("importPage.known")} value={p.known} testId="preview-known" />
      </dl>
      {p.dateRange ? (
        <p className="text-sm">
          <span className="text-slate-500 dark:text-slate-400">{t("importPage.dateRange")}: </span>
          <span className="font-medium tabular-nums" data-testid="preview-range">
            {p.dateRange.from} – {p.dateRange.to}
          </span>
        </p>
      ) : null}
      {Object.keys(p.byType).length ? (
        <div>
          <h3 className="text-sm font-medium">{t("importPage.byType")}</h3>
          <ul className="mt-1 flex flex-wrap gap-1.5">
            {Object.entries(p.byType).map(([type, n]) => (
              <li key={type} className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-700 dark:bg-slate-800 dark:text-brand-300">
                {t(`types.${type}` as never)} · {n}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {skipped.length ? (
        <div>
          <h3 className="text-sm font-medium">{t("importPage.skippedWhy")}</h3>
          <ul className="mt-1 space-y-0.5 text-sm text-slate-600 dark:text-slate-400">
            {skipped.map(([reason, n]) => (
              <li key={reason}>
                {n} × {reason}
                <span className="text-xs text-slate-400">
                  {" "}
                  ({t("importPage.lines", { list: p.skippedSample.filter((s) => s.reason === reason).slice(0, 5).map((s) => s.line).join(", ") })})
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.unmappedTypeValues.length ? <Alert>{t("importPage.unmapped", { values: p.unmappedTypeValues.join(", ") })}</Alert> : null}
      {p.problemCount ? (
        <Alert tone="error">
          <p className="font-medium">{t("importPage.problemsTitle", { count: p.problemCount })}</p>
          <ul className="mt-2 max-h-60 list-disc space-y-0.5 overflow-auto pl-5 font-mono text-xs" data-testid="preview-problems">
            {p.problems.map((msg, i) => (
              <li key={i}>{msg}</li>
            ))}
          </ul>
          {p.problemCount > p.problems.length ? <p className="mt-1 text-xs">{t("importPage.moreProblems", { count: p.problemCount - p.problems.length })}</p> : null}
        </Alert>
      ) : null}
      {p.ok && p.fresh + p.changed === 0 ? <Alert>{t("importPage.nothingNew")}</Alert> : null}
    </div>
  );
}
