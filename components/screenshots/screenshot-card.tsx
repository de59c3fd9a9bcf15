"use client";

import { useTranslations } from "next-intl";
import { SCREENSHOT_PRODUCTS, type ScreenshotProduct } from "@/lib/screenshots/read";
import { DraftRow } from "./draft-row";
import { verdict, type Action, type Item, type ScoreScale } from "./flow-state";

const select =
  "mt-1 block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100";

/** One chosen file: thumbnail (an object URL, never uploaded back), progress, what was read. */
export function ScreenshotCard(props: {
  item: Item;
  historyProduct: string;
  scale: ScoreScale;
  today: string;
  dispatch: (a: Action) => void;
}) {
  const t = useTranslations("screenshots");
  const { item, dispatch } = props;
  const ctx = { historyProduct: props.historyProduct, scale: props.scale, today: props.today };
  const productName = (p: string) => ((SCREENSHOT_PRODUCTS as readonly string[]).includes(p) ? t(`products.${p as ScreenshotProduct}`) : p);
  const refusal = item.localRefusal ?? item.reasonCode;
  return (
    <li className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="screenshot-card" data-status={item.status}>
      <div className="flex gap-3">
        {item.thumbnail ? (
          // A local object URL: next/image cannot optimise it and must not fetch it.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={item.thumbnail} alt={t("thumbnail", { name: item.name })} className="h-28 w-16 shrink-0 rounded-md border border-slate-200 object-cover object-top dark:border-slate-700" />
        ) : null}
        <div className="min-w-0 flex-1">
          <div className="flex items-start justify-between gap-2">
            <p className="truncate text-sm font-medium" title={item.name}>
              {item.name}
            </p>
            <button
              type="button"
              className="-mt-2 -mr-2 inline-flex size-11 shrink-0 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
              aria-label={t("remove", { name: item.name })}
              onClick={() => dispatch({ type: "remove", key: item.key })}
            >
              ✕
            </button>
          </div>
          <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            {t(`status.${item.status}`)}
            {item.status === "read" && item.dateSource ? ` · ${t(`dateSource.${item.dateSource}`)}` : null}
          </p>
          {item.status !== "refused" ? (
            <progress className="mt-2 h-2 w-full accent-brand-600" max={1} value={item.status === "read" || item.status === "failed" ? 1 : item.progress * 0.5 + (item.status === "reading" ? 0.4 : 0)} aria-label={t("progress", { name: item.name })} />
          ) : null}
          {item.status === "read" ? (
            <label className="mt-2 block text-xs text-slate-600 dark:text-slate-400">
              {t("product")}
              <select
                className={select}
                value={item.product ?? ""}
                onChange={(e) => dispatch({ type: "product", key: item.key, product: (e.target.value || null) as ScreenshotProduct | null })}
              >
                <option value="">{t("productUnknown")}</option>
                {SCREENSHOT_PRODUCTS.map((p) => (
                  <option key={p} value={p}>
                    {productName(p)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
      </div>
      {refusal ? <p className="mt-3 text-sm text-amber-800 dark:text-amber-200">{t(`refusal.${refusal}`)}</p> : null}
      {item.status === "failed" ? (
        <p className="mt-3 text-sm text-rose-700 dark:text-rose-300" role="alert">
          {item.error === "network" ? t("network") : item.error === "busy" ? t("busy") : item.error === "failed" ? t("failed") : item.error}
        </p>
      ) : null}
      {item.status === "read" ? (
        <div className="mt-3 space-y-2">
          {item.drafts.some((d) => !d.date) ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("noDateHint")}</p> : null}
          {item.drafts.map((d) => (
            <DraftRow
              key={d.key}
              draft={d}
              verdict={verdict(item, d, ctx)}
              verdictValues={{ product: productName(props.historyProduct), min: props.scale.min, max: props.scale.max }}
              onEdit={(patch) => dispatch({ type: "edit", key: item.key, draft: d.key, patch })}
            />
          ))}
        </div>
      ) : null}
      {item.lines.length ? (
        <details className="mt-3 text-sm">
          <summary className="min-h-11 cursor-pointer py-2 text-brand-700 dark:text-brand-300">{t("lines", { count: item.lines.length })}</summary>
          <ol className="space-y-0.5 font-mono text-xs text-slate-700 dark:text-slate-300" lang="zh-CN">
            {item.lines.map((line, i) => (
              <li key={i}>
                {line}
                <span className="text-slate-500 dark:text-slate-400"> ({Math.round((item.lineConfidences[i] ?? 0) * 100)}%)</span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </li>
  );
}
