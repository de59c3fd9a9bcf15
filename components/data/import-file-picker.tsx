"use client";

import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { buttonClasses } from "@/components/ui/button";
import { ACCEPTED_FILES } from "@/lib/history/importers/accept";

/** The one file input of the flow; other steps' "choose another file" buttons click it. */
export function ImportFilePicker({ inputRef, busy, fileName, onFile }: { inputRef: RefObject<HTMLInputElement | null>; busy: boolean; fileName: string | null; onFile: (f: File | undefined) => void }) {
  const t = useTranslations();
  return (
    <div>
      <label htmlFor="import-file" className={buttonClasses("primary", busy ? "pointer-events-none opacity-60" : "cursor-pointer")}>
        {t("data.importPage.choose")}
      </label>
      <input
        ref={inputRef}
        id="import-file"
        type="file"
        accept={ACCEPTED_FILES}
        className="sr-only"
        disabled={busy}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = ""; // so choosing the same file again (after fixing it) reads it again
          onFile(f);
        }}
      />
      <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">
        {fileName ? <span className="font-medium text-slate-700 dark:text-slate-300">{fileName} · </span> : null}
        {t("bills.maxSize")}
      </p>
    </div>
  );
}
