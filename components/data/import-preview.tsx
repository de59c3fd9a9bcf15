"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { PreviewReady } from "@/lib/data/imports";

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

function Lenders({ lenders }: { lenders: string[] }) {
  const t = useTranslations("bills.preview");
  return (
    <div data-testid="preview-lenders">
      <h3 className="text-sm font-medium">{t("lendersTitle")}</h3>
      {lenders.length ? (
        <>
          <ul className="mt-1 flex flex-wrap gap-1.5">
            {lenders.map((l) => (
              <li key={l} className="rounded-full bg-amber-50 px-2.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-100" data-testid="preview-lender">
                {l}
              </li>
            ))}
          </ul>
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t("lendersLead")}</p>
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">{t("lendersNone")}</p>
      )}
    </div>
  );
}

function Skipped({ p }: { p: PreviewReady }) {
  const t = useTranslations("data.importPage");
  const skipped = Object.entries(p.skippedByReason);
  if (!skipped.length) return null;
  return (
    <div>
      <h3 className="text-sm font-medium">{t("skippedWhy")}</h3>
      <ul className="mt-1 space-y-0.5 text-sm text-slate-600 dark:text-slate-400" data-testid="preview-skipped-reasons">
        {skipped.map(([reason, n]) => (
          <li key={reason}>
            {n} × {reason}
            <span className="text-xs text-slate-500 dark:text-slate-400">
              {" "}
              ({t("lines", { list: p.skippedSample.filter((s) => s.reason === reason).slice(0, 5).map((s) => s.line).join(", ") })})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Problems({ p }: { p: PreviewReady }) {
  const t = useTranslations("data.importPage");
  if (!p.problemCount) return null;
  return (
    <Alert tone="error">
      <p className="font-medium">{t("problemsTitle", { count: p.problemCount })}</p>
      <ul className="mt-2 max-h-60 list-disc space-y-0.5 overflow-auto pl-5 font-mono text-xs" data-testid="preview-problems">
        {p.problems.map((msg, i) => (
          <li key={i}>{msg}</li>
        ))}
      </ul>
      {p.problemCount > p.problems.length ? <p className="mt-1 text-xs">{t("moreProblems", { count: p.problemCount - p.problems.length })}</p> : null}
    </Alert>
  );
}

/** What the import would do: rows read and where each went, new/changed/known events, lenders, skipped rows and problems. */
export function ImportPreview({ preview: p }: { preview: PreviewReady }) {
  const t = useTranslations();
  const problemRows = Math.max(0, p.rowsTotal - p.recognisedRows - p.mergedRows - p.skippedTotal);
  const packaging = p.packaging.encrypted
    ? t("bills.preview.packaging.encrypted")
    : p.packaging.zip
      ? t("bills.preview.packaging.zip")
      : p.packaging.container === "xlsx"
        ? t("bills.preview.packaging.xlsx")
        : null;
  const isBill = p.format === "alipay" || p.format === "wechat" || p.format === "jd";
  return (
    <div className="space-y-4" data-testid="import-preview">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("bills.preview.detected", { format: p.formatName })}
        {packaging ? ` · ${packaging}` : null}
      </p>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        <Stat label={t("bills.preview.rows")} value={p.rowsTotal} testId="preview-rows" />
        <Stat label={t("bills.preview.recognised")} value={p.recognisedRows} testId="preview-recognised" />
        {isBill ? <Stat label={t("bills.preview.merged")} value={p.mergedRows} testId="preview-merged" /> : null}
        <Stat label={t("bills.preview.skipped")} value={p.skippedTotal} testId="preview-skipped" />
        <Stat label={t("bills.preview.events")} value={p.events} testId="preview-events" />
        <Stat label={t("data.importPage.fresh")} value={p.fresh} testId="preview-new" />
        <Stat label={t("data.importPage.changed")} value={p.changed} />
        <Stat label={t("data.importPage.known")} value={p.known} testId="preview-known" />
      </dl>
      <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="preview-sum">
        {t("bills.preview.sum", { rows: p.rowsTotal, recognised: p.recognisedRows, merged: p.mergedRows, days: p.activityDays, skipped: p.skippedTotal, problems: problemRows })}
      </p>
      {p.dateRange ? (
        <p className="text-sm">
          <span className="text-slate-500 dark:text-slate-400">{t("data.importPage.dateRange")}: </span>
          <span className="font-medium tabular-nums" data-testid="preview-range">
            {p.dateRange.from} – {p.dateRange.to}
          </span>
        </p>
      ) : null}
      {Object.keys(p.byType).length ? (
        <div>
          <h3 className="text-sm font-medium">{t("data.importPage.byType")}</h3>
          <ul className="mt-1 flex flex-wrap gap-1.5">
            {Object.entries(p.byType).map(([type, n]) => (
              <li key={type} className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-700 dark:bg-slate-800 dark:text-brand-300">
                {t(`data.types.${type}` as never)} · {n}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {isBill ? <Lenders lenders={p.lenderLabels} /> : null}
      <Skipped p={p} />
      {p.unmappedTypeValues.length ? <Alert>{t("data.importPage.unmapped", { values: p.unmappedTypeValues.join(", ") })}</Alert> : null}
      <Problems p={p} />
      {p.ok && p.fresh + p.changed === 0 ? <Alert>{t("data.importPage.nothingNew")}</Alert> : null}
    </div>
  );
}
