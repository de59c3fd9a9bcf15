"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import type { ImportOutcome, ImportPreview as Preview } from "@/lib/data/imports";
import type { CsvMappingInput } from "@/lib/history/csv-mapping";
import { CsvMappingForm, type MappingDraft } from "./csv-mapping-form";
import { ImportPreview } from "./import-preview";
import { uploadFile, type UploadResult } from "./upload";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

type Step =
  | { name: "idle" }
  | { name: "busy"; label: "uploading" | "reading" | "importing"; percent: number }
  | { name: "refused"; message: string }
  | { name: "mapping"; headers: string[]; sampleRows: string[][]; initial: MappingDraft; extra?: string[] }
  | { name: "preview"; preview: Extract<Preview, { kind: "preview" }> }
  | { name: "done"; outcome: ImportOutcome };

/**
 * Choose a file → preview (nothing stored) → optionally map CSV columns → import. The file is
 * sent again on import: the server re-reads it rather than trusting anything the page kept.
 */
export function ImportFlow() {
  const t = useTranslations("data.importPage");
  const [step, setStep] = useState<Step>({ name: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const file = useRef<File | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const mapping = useRef<CsvMappingInput | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  const fail = (res: Extract<UploadResult<unknown>, { ok: false }>) => {
    setError(res.status === 413 ? t("tooLarge", { size: ((file.current?.size ?? 0) / 1048576).toFixed(1) }) : res.error.message === "network" ? t("failed") : res.error.message);
    setProblems(res.error.problems ?? []);
  };

  const send = async <T,>(url: string, label: "reading" | "importing"): Promise<UploadResult<T> | null> => {
    if (!file.current) return null;
    setError(null);
    setProblems([]);
    setStep({ name: "busy", label: "uploading", percent: 0 });
    return uploadFile<T>(url, file.current, {
      fileName: file.current.name,
      mapping: mapping.current,
      onProgress: (f) => setStep({ name: "busy", label: "uploading", percent: Math.round(f * 100) }),
      onUploaded: () => setStep({ name: "busy", label, percent: 100 }),
    });
  };

  const preview = async () => {
    // On failure go back to where the borrower was (the mapping form keeps its choices).
    const back: Step = step.name === "mapping" ? step : { name: "idle" };
    const res = await send<Preview>("/api/app/import/preview", "reading");
    if (!res) return;
    if (!res.ok) {
      fail(res);
      setStep(back);
      return;
    }
    const p = res.body;
    if (p.kind === "refused") setStep({ name: "refused", message: p.message });
    else if (p.kind === "needs-mapping") {
      const s = p.suggestion;
      setStep({ name: "mapping", headers: p.inspection.headers, sampleRows: p.inspection.sampleRows, initial: { columns: s.columns, typeValues: s.typeValues } });
    } else setStep({ name: "preview", preview: p });
  };

  const commit = async () => {
    const back = step;
    const res = await send<ImportOutcome>("/api/app/import/commit", "importing");
    if (!res) return;
    if (res.ok) setStep({ name: "done", outcome: res.body });
    else {
      fail(res);
      setStep(back);
    }
  };

  const choose = (f: File | undefined) => {
    setError(null);
    setProblems([]);
    mapping.current = undefined;
    file.current = null;
    setFileName(null);
    if (!f) return;
    // Checked here to spare the upload; the server checks again while the bytes stream in.
    if (f.size > MAX_FILE_BYTES) {
      setError(t("tooLarge", { size: (f.size / 1048576).toFixed(1) }));
      setStep({ name: "idle" });
      return;
    }
    file.current = f;
    setFileName(f.name);
    void preview();
  };

  const busy = step.name === "busy";
  return (
    <div className="space-y-5">
      <div>
        <label htmlFor="import-file" className={buttonClasses("primary", busy ? "pointer-events-none opacity-60" : "cursor-pointer")}>
          {t("choose")}
        </label>
        <input
          ref={input}
          id="import-file"
          type="file"
          accept=".csv,.json,.txt,text/csv,application/json"
          className="sr-only"
          disabled={busy}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = ""; // so choosing the same file again (after fixing it) reads it again
            choose(f);
          }}
        />
        <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">
          {fileName ? <span className="font-medium text-slate-700 dark:text-slate-300">{fileName} · </span> : null}
          {t("maxSize")}
        </p>
      </div>

      {busy ? (
        <div role="status" aria-live="polite" data-testid="import-progress">
          <p className="text-sm font-medium">{step.label === "uploading" ? t("uploading", { percent: step.percent }) : t(step.label)}</p>
          <div className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
            <div className={`h-full rounded-full bg-brand-600 transition-[width] ${step.label === "uploading" ? "" : "animate-pulse"}`} style={{ width: `${step.percent}%` }} />
          </div>
        </div>
      ) : null}

      {error ? (
        <Alert tone="error">
          <p>{error}</p>
          {problems.length ? (
            <ul className="mt-2 list-disc pl-5 font-mono text-xs">
              {problems.slice(0, 50).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}

      {step.name === "refused" ? (
        <Alert tone="error">
          <p className="font-medium">{t("refused")}</p>
          <p className="mt-1">{step.message}</p>
        </Alert>
      ) : null}

      {step.name === "mapping" ? (
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">{t("mappingTitle")}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("mappingLead")}</p>
          <CsvMappingForm
            headers={step.headers}
            sampleRows={step.sampleRows}
            initial={step.initial}
            extraTypeValues={step.extra}
            pending={busy}
            onSubmit={(m) => {
              mapping.current = m;
              void preview();
            }}
          />
        </section>
      ) : null}

      {step.name === "preview" ? (
        <section className="space-y-4" aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="text-lg font-semibold">
            {t("previewTitle")}
          </h2>
          {step.preview.mappingRemembered ? <Alert>{t("mappingRemembered")}</Alert> : null}
          <ImportPreview preview={step.preview} />
          <div className="flex flex-wrap gap-2">
            {step.preview.ok && step.preview.fresh + step.preview.changed > 0 ? (
              <Button onClick={() => void commit()} data-testid="import-confirm">
                {t("confirm", { count: step.preview.fresh + step.preview.changed })}
              </Button>
            ) : null}
            {step.preview.csv ? (
              <Button
                variant="secondary"
                onClick={() => {
                  const p = step.preview;
                  setStep({ name: "mapping", headers: p.csv!.headers, sampleRows: p.csv!.sampleRows, initial: p.mapping ?? { columns: {} }, extra: p.unmappedTypeValues });
                }}
              >
                {t("editMapping")}
              </Button>
            ) : null}
            <Button variant="ghost" onClick={() => input.current?.click()}>
              {t("another")}
            </Button>
          </div>
        </section>
      ) : null}

      {step.name === "done" ? (
        <div className="space-y-3">
          <Alert>
            <span data-testid="import-done">{t("done", { added: step.outcome.added, updated: step.outcome.updated, unchanged: step.outcome.unchanged })}</span>
          </Alert>
          <div className="flex flex-wrap gap-2">
            <Link href="/data" className={buttonClasses("primary")}>
              {t("seeData")}
            </Link>
            <Button variant="ghost" onClick={() => input.current?.click()}>
              {t("another")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
