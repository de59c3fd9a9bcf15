"use client";

import { useTranslations } from "next-intl";
import { useReducer, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ImportOutcome, ImportPreview as Preview, PreviewReady } from "@/lib/data/imports";
import type { CsvMappingInput } from "@/lib/history/csv-mapping";
import { CsvMappingForm } from "./csv-mapping-form";
import { ImportDone } from "./import-done";
import { ImportFilePicker } from "./import-file-picker";
import { ImportPasswordForm } from "./import-password-form";
import { ImportPreview } from "./import-preview";
import { ImportProgress } from "./import-progress";
import { importReducer, initialImportState, type BusyLabel, type ImportState, type MappingStep } from "./import-state";
import { uploadFile } from "./upload";

export { MAX_FILE_BYTES } from "./import-state";

/**
 * Choose a file → (its zip password) → (CSV column mapping) → preview (nothing stored) → import.
 * The file is sent again on import: the server re-reads it rather than trusting the page. The
 * File, its password and the mapping live in refs: they are inputs to requests, not UI state.
 */
export function ImportFlow() {
  const [state, dispatch] = useReducer(importReducer, initialImportState);
  const file = useRef<File | null>(null);
  const password = useRef<string | undefined>(undefined);
  const mapping = useRef<CsvMappingInput | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const t = useTranslations("data.importPage");

  const send = async <T,>(url: string, label: BusyLabel): Promise<T | null> => {
    const f = file.current;
    if (!f) return null;
    dispatch({ type: "sending", label });
    const res = await uploadFile<T>(url, f, {
      fileName: f.name,
      mapping: mapping.current,
      password: password.current,
      onProgress: (fraction) => dispatch({ type: "progress", percent: Math.round(fraction * 100) }),
      onUploaded: () => dispatch({ type: "uploaded", label }),
    });
    if (res.ok) return res.body;
    // 503: the worker pool's queue is full (lib/workers); its server message is not in the page's language.
    const message = res.status === 413 ? t("tooLarge", { size: (f.size / 1048576).toFixed(1) }) : res.status === 503 ? t("serverBusy") : res.error.message === "network" ? t("failed") : res.error.message;
    dispatch({ type: "failed", message, problems: res.error.problems });
    return null;
  };

  const preview = async () => {
    const p = await send<Preview>("/api/app/import/preview", "reading");
    if (p) dispatch({ type: "answered", preview: p });
  };
  const commit = async () => {
    const outcome = await send<ImportOutcome>("/api/app/import/commit", "importing");
    if (outcome) dispatch({ type: "imported", outcome });
  };
  const choose = (f: File | undefined) => {
    file.current = null;
    password.current = undefined;
    mapping.current = undefined;
    if (!f) return;
    dispatch({ type: "chose", name: f.name, size: f.size });
    // Checked here to spare the upload; the server checks again while the bytes stream in.
    if (f.size > 20 * 1024 * 1024) return;
    file.current = f;
    void preview();
  };
  const another = () => input.current?.click();

  const step = state.step;
  const shown = step.name === "busy" ? step.back : step;
  const busy = step.name === "busy";
  return (
    <div className="space-y-5">
      <ImportFilePicker inputRef={input} busy={busy} fileName={state.fileName} onFile={choose} />
      {step.name === "busy" ? <ImportProgress label={step.label} percent={step.percent} /> : null}
      <FlowError error={state.error} />
      {shown.name === "refused" ? (
        <Alert tone="error">
          <p className="font-medium">{t("refused")}</p>
          <p className="mt-1" data-testid="import-refused">
            {shown.message}
          </p>
        </Alert>
      ) : null}
      {shown.name === "password" ? (
        <ImportPasswordForm
          key={`${shown.wrong}-${shown.message}`}
          {...shown}
          pending={busy}
          onSubmit={(p) => {
            password.current = p;
            void preview();
          }}
        />
      ) : null}
      {shown.name === "mapping" ? (
        <MappingView
          step={shown}
          pending={busy}
          onSubmit={(m) => {
            mapping.current = m;
            void preview();
          }}
        />
      ) : null}
      {shown.name === "preview" ? <PreviewView preview={shown.preview} pending={busy} onCommit={() => void commit()} onEdit={() => dispatch({ type: "editMapping" })} onAnother={another} /> : null}
      {shown.name === "done" ? <ImportDone outcome={shown.outcome} onAnother={another} /> : null}
    </div>
  );
}

function FlowError({ error }: { error: ImportState["error"] }) {
  const t = useTranslations("data.importPage");
  if (!error) return null;
  if ("tooLarge" in error) return <Alert tone="error">{t("tooLarge", { size: (error.tooLarge / 1048576).toFixed(1) })}</Alert>;
  return (
    <Alert tone="error">
      <p>{error.message}</p>
      {error.problems.length ? (
        <ul className="mt-2 list-disc pl-5 font-mono text-xs">
          {error.problems.slice(0, 50).map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

function MappingView({ step, pending, onSubmit }: { step: MappingStep; pending: boolean; onSubmit: (m: CsvMappingInput) => void }) {
  const t = useTranslations("data.importPage");
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">{t("mappingTitle")}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("mappingLead")}</p>
      <CsvMappingForm headers={step.headers} sampleRows={step.sampleRows} columnValues={step.columnValues} initial={step.initial} extraTypeValues={step.extra} pending={pending} onSubmit={onSubmit} />
    </section>
  );
}

function PreviewView({ preview, pending, onCommit, onEdit, onAnother }: { preview: PreviewReady; pending: boolean; onCommit: () => void; onEdit: () => void; onAnother: () => void }) {
  const t = useTranslations("data.importPage");
  const count = preview.fresh + preview.changed;
  return (
    <section className="space-y-4" aria-labelledby="preview-heading">
      <h2 id="preview-heading" className="text-lg font-semibold">
        {t("previewTitle")}
      </h2>
      {preview.mappingRemembered ? <Alert>{t("mappingRemembered")}</Alert> : null}
      <ImportPreview preview={preview} />
      <div className="flex flex-wrap gap-2">
        {preview.ok && count > 0 ? (
          <Button onClick={onCommit} disabled={pending} data-testid="import-confirm">
            {t("confirm", { count })}
          </Button>
        ) : null}
        {preview.csv ? (
          <Button variant="secondary" onClick={onEdit}>
            {t("editMapping")}
          </Button>
        ) : null}
        <Button variant="ghost" onClick={onAnother}>
          {t("another")}
        </Button>
      </div>
    </section>
  );
}
