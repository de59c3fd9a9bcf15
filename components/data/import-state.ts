/**
 * The import page's state machine, as a reducer: choose a file → (password) → (column mapping)
 * → preview → done. Pure, so every transition is tested without a browser.
 */
import type { ImportOutcome, ImportPreview, PreviewReady } from "@/lib/data/imports";
import type { MappingDraft } from "./csv-mapping-form";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type BusyLabel = "uploading" | "reading" | "importing";

export type MappingStep = { name: "mapping"; headers: string[]; sampleRows: string[][]; columnValues: Record<string, string[]>; initial: MappingDraft; extra: string[] };

/** Steps the borrower can be on between requests. */
export type RestingStep =
  | { name: "idle" }
  | { name: "password"; wrong: boolean; message: string; formatName: string | null }
  | { name: "refused"; message: string }
  | MappingStep
  | { name: "preview"; preview: PreviewReady }
  | { name: "done"; outcome: ImportOutcome };

export type Step = RestingStep | { name: "busy"; label: BusyLabel; percent: number; back: RestingStep };

export type ImportState = {
  step: Step;
  fileName: string | null;
  /** A request failed (network, 413, 422 on import): shown above the step, which stays as it was. */
  error: { message: string; problems: string[] } | { tooLarge: number } | null;
};

export type ImportAction =
  | { type: "chose"; name: string; size: number }
  | { type: "sending"; label: BusyLabel }
  | { type: "progress"; percent: number }
  | { type: "uploaded"; label: BusyLabel }
  | { type: "answered"; preview: ImportPreview }
  | { type: "imported"; outcome: ImportOutcome }
  | { type: "failed"; message: string; problems?: string[] }
  | { type: "editMapping" };

export const initialImportState: ImportState = { step: { name: "idle" }, fileName: null, error: null };

function resting(step: Step): RestingStep {
  return step.name === "busy" ? step.back : step;
}

/** A preview answer → the step it leads to. */
export function stepOf(preview: ImportPreview): RestingStep {
  switch (preview.kind) {
    case "refused":
      return { name: "refused", message: preview.message };
    case "needs-password":
      return { name: "password", wrong: preview.wrong, message: preview.message, formatName: preview.formatName };
    case "needs-mapping": {
      const { inspection: i, suggestion: s } = preview;
      return { name: "mapping", headers: i.headers, sampleRows: i.sampleRows, columnValues: i.columnValues, initial: { columns: s.columns, typeValues: s.typeValues }, extra: [] };
    }
    default:
      return { name: "preview", preview };
  }
}

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case "chose":
      if (action.size > MAX_FILE_BYTES) return { step: { name: "idle" }, fileName: null, error: { tooLarge: action.size } };
      return { step: { name: "idle" }, fileName: action.name, error: null };
    case "sending":
      return { ...state, error: null, step: { name: "busy", label: "uploading", percent: 0, back: resting(state.step) } };
    case "progress":
      return state.step.name === "busy" ? { ...state, step: { ...state.step, label: "uploading", percent: action.percent } } : state;
    case "uploaded":
      return state.step.name === "busy" ? { ...state, step: { ...state.step, label: action.label, percent: 100 } } : state;
    case "answered":
      return { ...state, step: stepOf(action.preview) };
    case "imported":
      return { ...state, step: { name: "done", outcome: action.outcome } };
    case "failed":
      // Back to where the borrower was (the mapping form keeps its choices, the preview its button).
      return { ...state, step: resting(state.step), error: { message: action.message, problems: action.problems ?? [] } };
    case "editMapping": {
      const step = state.step;
      if (step.name !== "preview" || !step.preview.csv) return state;
      const p = step.preview;
      return { ...state, step: { name: "mapping", headers: p.csv!.headers, sampleRows: p.csv!.sampleRows, columnValues: p.csv!.columnValues, initial: p.mapping ?? { columns: {} }, extra: p.unmappedTypeValues } };
    }
  }
}
