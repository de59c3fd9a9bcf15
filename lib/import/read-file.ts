/**
 * One uploaded file → a history-v1 document plus what the preview shows, whatever the format
 * (detectImportFormat picks the importer). Pure: no database, so the preview and the import run
 * exactly the same code, and the import re-reads the file instead of trusting a client's preview.
 */
import { parseAlipayBill } from "@/lib/history/alipay";
import { applyMapping, inspectCsv, type CsvInspection } from "@/lib/history/csv-generic";
import { suggestMapping, type CsvMappingInput, type MappingSuggestion } from "@/lib/history/csv-mapping";
import { detectImportFormat } from "@/lib/history/detect-import";
import { parseHistoryCsv } from "@/lib/history/import-csv";
import { formatProblem, type ImportProblem, type SkippedRow } from "@/lib/history/import-result";
import { parseHistory, parseHistoryJson } from "@/lib/history/parse";
import { decodeBytes } from "@/lib/history/decode";
import type { Borrower, HistoryDocument, HistoryEvent } from "@/lib/history/schema";

export type FileFormat = "history-json" | "history-csv" | "alipay" | "csv";

export type ReadFileResult =
  | { kind: "refused"; message: string }
  /** A CSV we do not know: the user maps its columns first. */
  | { kind: "needs-mapping"; format: "csv"; inspection: CsvInspection; suggestion: MappingSuggestion }
  | {
      kind: "parsed";
      format: FileFormat;
      /** Null when the file cannot be imported as a whole (problems say why). */
      document: HistoryDocument | null;
      /** Data rows read (CSV formats); events for JSON. */
      rowsTotal: number;
      skipped: SkippedRow[];
      /** CSV types seen in the type column that the mapping does not cover yet. */
      unmappedTypeValues: string[];
      /** `line 14: …` for CSV, `events[3].amount: …` for JSON; non-empty means nothing may be saved. */
      problems: string[];
    };

/**
 * Reads a file. `borrower` is the user's current borrower block, used for every format that has
 * none of its own (a CSV must not reset the user's score scale). `mapping` applies to plain CSVs.
 */
export function readImportFile(bytes: Uint8Array, options: { borrower: Borrower; mapping?: CsvMappingInput; now?: Date }): ReadFileResult {
  if (bytes.length === 0) return { kind: "refused", message: "The file is empty." };
  const detected = detectImportFormat(bytes);
  if (detected.format === "refused") return { kind: "refused", message: detected.message };

  if (detected.format === "history-json") {
    const parsed = parseJsonKeepingBorrower(decodeBytes(bytes).text, options.borrower, options.now);
    if (!parsed.ok) return { kind: "parsed", format: "history-json", document: null, rowsTotal: 0, skipped: [], unmappedTypeValues: [], problems: parsed.problems };
    return { kind: "parsed", format: "history-json", document: parsed.document, rowsTotal: parsed.document.events.length, skipped: [], unmappedTypeValues: [], problems: [] };
  }

  let events: HistoryEvent[];
  let problems: ImportProblem[];
  let rowsTotal: number;
  let skipped: SkippedRow[] = [];
  let unmappedTypeValues: string[] = [];
  if (detected.format === "history-csv") {
    const res = parseHistoryCsv(bytes);
    ({ events, problems } = res);
    rowsTotal = events.length + new Set(problems.map((p) => p.line)).size;
  } else if (detected.format === "alipay") {
    const res = parseAlipayBill(bytes);
    ({ events, problems } = res);
    ({ rowsTotal, skipped } = res.summary);
  } else {
    if (!options.mapping) {
      const inspection = inspectCsv(bytes);
      return { kind: "needs-mapping", format: "csv", inspection, suggestion: suggestMapping(inspection.headers, inspection.sampleRows) };
    }
    const res = applyMapping(bytes, options.mapping);
    ({ events, problems } = res);
    ({ rowsTotal, skipped, unmappedTypeValues } = res.summary);
  }
  const formatted = problems.map(formatProblem);
  const base = { kind: "parsed" as const, format: detected.format, rowsTotal, skipped, unmappedTypeValues };
  if (formatted.length) return { ...base, document: null, problems: formatted };
  // The schema's document-level checks (future dates, score scale) on top of the importer's own.
  const checked = parseHistory({ format: "credit-health-history", version: 1, borrower: options.borrower, events }, { now: options.now });
  if (!checked.ok) return { ...base, document: null, problems: checked.problems.map((p) => describeEventPath(p, events)) };
  return { ...base, document: checked.document, problems: [] };
}

/**
 * A document without a borrower block would otherwise mean the defaults, and importing it would
 * reset a borrower's own currency and score scale: keep theirs instead.
 */
function parseJsonKeepingBorrower(text: string, borrower: Borrower, now?: Date) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseHistoryJson(text, { now }); // reports the syntax error the usual way
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value) && !("borrower" in value)) value = { ...value, borrower };
  return parseHistory(value, { now });
}

/** `events[3].date: …` means little in a CSV: name the event's date and id as well. */
function describeEventPath(problem: string, events: readonly HistoryEvent[]): string {
  const m = /^events\[(\d+)\]/.exec(problem);
  const e = m ? events[Number(m[1])] : undefined;
  return e ? `${problem} (${e.type} on ${e.date}${e.id ? `, id ${e.id}` : ""})` : problem;
}
