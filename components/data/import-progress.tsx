"use client";

import { useTranslations } from "next-intl";
import type { BusyLabel } from "./import-state";

export function ImportProgress({ label, percent }: { label: BusyLabel; percent: number }) {
  const t = useTranslations("data.importPage");
  return (
    <div role="status" aria-live="polite" data-testid="import-progress">
      <p className="text-sm font-medium">{label === "uploading" ? t("uploading", { percent }) : t(label)}</p>
      <div className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
        <div className={`h-full rounded-full bg-brand-600 transition-[width] ${label === "uploading" ? "" : "animate-pulse"}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
