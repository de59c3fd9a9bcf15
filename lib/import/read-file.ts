/**
 * One uploaded file → a history-v1 document plus what the preview shows, whatever it is: a zip
 * (encrypted or not) holding a bill, an XLSX, a CSV in any encoding, a history JSON. Pure: a
 * function of (bytes, options) with no database, so the page, the CLI and the import run the same
 * code, the import re-reads the file instead of trusting a preview, and the whole read can move
 * into a worker thread unchanged.
 */
import { applyMapping, inspectCsv, type CsvInspection } from "@/lib/history/csv-generic";
import { suggestMapping, type CsvMappingInput, type MappingSuggestion } from "@/lib/history/csv-mapping";
import { decodeBytes } from "@/lib/history/decode";
import { isHistoryCsv, parseHistoryCsv } from "@/lib/history/import-csv";
import { formatProblemIn, type ImportProblem, type SkippedRow } from "@/lib/history/import-result";
import { billOfZipNames, matchBill, readBill, type FileFormatId } from "@/lib/history/importers/registry";
import { refusal } from "@/lib/history/importers/refusals";
import { csvTable, sheetTable, type BillTable } from "@/lib/history/importers/table";
import type { Lang } from "@/lib/history/importers/text";
import type { BillFormatId } from "@/lib/history/importers/types";
import { parseHistory, parseHistoryJson } from "@/lib/history/parse";
import type { Borrower, HistoryDocument, HistoryEvent } from "@/lib/history/schema";
import { openFirstSheet, SheetError, type SheetFailure } from "@/lib/history/xlsx";
import { isZip, listZip, readBillZip } from "@/lib/history/zip";

export type FileFormat = FileFormatId;

export type ReadOptions = {
  /** The user's borrower block: used for formats without one, and its product decides lenders. */
  borrower: Borrower;
  /** Applies to plain CSVs. */
  mapping?: CsvMappingInput;
  /** The password of an encrypted zip. */
  password?: string;
  lang?: Lang;
  now?: Date;
};

export type Packaging = { zip: boolean; encrypted: boolean; container: "text" | "xlsx" };

export type ParsedFile = {
  kind: "parsed";
  format: FileFormat;
  packaging: Packaging;
  /** Null when the file cannot be imported as a whole (problems say why). */
  document: HistoryDocument | null;
  /** Data rows read; = recognisedRows + mergedRows + skipped + rows with problems. */
  rowsTotal: number;
  /** Rows that became one event each. */
  recognisedRows: number;
  /** Rows counted into one activity event per day (bills). */
  mergedRows: number;
  activityDays: number;
  skipped: SkippedRow[];
  /** Other lenders a bill names (each gets an inferred `account` `opened` event). */
  lenders: string[];
  /** CSV types seen in the type column that the mapping does not cover yet. */
  unmappedTypeValues: string[];
  /** Non-empty means nothing may be saved. */
  problems: string[];
  /** A plain CSV's inspection (after unzipping), for the mapping form and its saved mapping. */
  csv?: CsvInspection;
};

export type ReadFileResult =
  | { kind: "refused"; message: string; packaging?: Packaging }
  | { kind: "needs-password"; wrong: boolean; message: string; looksLike: BillFormatId | null }
  /** A CSV we do not know: the user maps its columns first. */
  | { kind: "needs-mapping"; format: "csv"; inspection: CsvInspection; suggestion: MappingSuggestion }
  | ParsedFile;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads a file. Never throws on any input; refusals and problems are in `options.lang`. */
export async function readImportFile(bytes: Uint8Array, options: ReadOptions): Promise<ReadFileResult> {
  const lang = options.lang ?? "en";
  if (bytes.length === 0) return { kind: "refused", message: refusal.empty(lang) };
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return { kind: "refused", message: refusal.oldExcel(lang) };
  if (!isZip(bytes)) return readText(bytes, options, { zip: false, encrypted: false, container: "text" });

  const entries = await listZip(bytes);
  if (entries?.some((e) => e.filename === "xl/workbook.xml")) return readSheet(bytes, options, { zip: false, encrypted: false, container: "xlsx" });
  const zip = await readBillZip(bytes, options.password);
  if (!zip.ok) {
    const bill = billOfZipNames(zip.names);
    switch (zip.code) {
      case "needs-password":
        return { kind: "needs-password", wrong: false, message: refusal.passwordNeeded(lang, bill), looksLike: bill?.id ?? null };
      case "wrong-password":
        return { kind: "needs-password", wrong: true, message: refusal.wrongPassword(lang, bill), looksLike: bill?.id ?? null };
      case "no-table":
        return { kind: "refused", message: refusal.noTable(lang, zip.names) };
      case "several-tables":
        return { kind: "refused", message: refusal.severalTables(lang, zip.names) };
      case "too-large":
        return { kind: "refused", message: refusal.zipTooLarge(lang) };
      default:
        return { kind: "refused", message: refusal.zipCorrupt(lang) };
    }
  }
  const packaging = { zip: true, encrypted: zip.encrypted };
  if (zip.table.kind === "xlsx") return readSheet(zip.table.bytes, options, { ...packaging, container: "xlsx" });
  return readText(zip.table.bytes, options, { ...packaging, container: "text" });
}

async function readSheet(bytes: Uint8Array, options: ReadOptions, packaging: Packaging): Promise<ReadFileResult> {
  const lang = options.lang ?? "en";
  const refused = (code: SheetFailure): ReadFileResult => {
    const message = code === "too-large" || code === "too-many-rows" ? refusal.sheetTooLarge(lang) : code === "too-slow" ? refusal.sheetTooSlow(lang) : code === "encrypted" ? refusal.oldExcel(lang) : refusal.sheetCorrupt(lang);
    return { kind: "refused", message, packaging };
  };
  const opened = await openFirstSheet(bytes);
  if (!opened.ok) return refused(opened.code);
  // Rows stream from the sheet into the importer; a limit or damage met on the way refuses the file.
  try {
    const table = sheetTable(opened.sheet);
    const bill = fromBill(table, options, packaging);
    if (bill) return bill;
    const m = matchBill(table, lang);
    return { kind: "refused", message: refusal.unknownSheet(lang, m.kind === "none" ? m.looksLike : null), packaging };
  } catch (err) {
    if (err instanceof SheetError) return refused(err.code);
    throw err;
  }
}

/** A bill export's result, a refusal of a known relative of one, or null when it is no bill. */
function fromBill(table: BillTable, options: ReadOptions, packaging: Packaging): ReadFileResult | null {
  const lang = options.lang ?? "en";
  const m = matchBill(table, lang);
  if (m.kind === "refused") return { kind: "refused", message: m.message, packaging };
  if (m.kind === "none") return null;
  const r = readBill(m, table, { product: options.borrower.product, lang });
  const s = r.summary;
  const base = {
    kind: "parsed" as const,
    format: m.importer.id,
    packaging,
    rowsTotal: s.rowsTotal,
    recognisedRows: s.recognisedRows,
    mergedRows: s.mergedRows,
    activityDays: s.activityDays,
    skipped: s.skipped,
    lenders: s.lenders,
    unmappedTypeValues: [],
  };
  return { ...base, ...checked(r.events, r.problems, options, lang) };
}

function readText(bytes: Uint8Array, options: ReadOptions, packaging: Packaging): ReadFileResult {
  const lang = options.lang ?? "en";
  const { text } = decodeBytes(bytes.subarray(0, 64 * 1024));
  const none = { recognisedRows: 0, mergedRows: 0, activityDays: 0, skipped: [], lenders: [], unmappedTypeValues: [] };
  if (text.trimStart().startsWith("{")) {
    const parsed = parseJsonKeepingBorrower(decodeBytes(bytes).text, options.borrower, options.now);
    const base = { kind: "parsed" as const, format: "history-json" as const, packaging, ...none };
    if (!parsed.ok) return { ...base, document: null, rowsTotal: 0, problems: parsed.problems };
    const n = parsed.document.events.length;
    return { ...base, document: parsed.document, rowsTotal: n, recognisedRows: n, problems: [] };
  }
  if (isHistoryCsv(text)) {
    const res = parseHistoryCsv(bytes);
    const rowsTotal = res.events.length + new Set(res.problems.map((p) => p.line)).size;
    return { kind: "parsed", format: "history-csv", packaging, ...none, rowsTotal, recognisedRows: res.events.length, ...checked(res.events, res.problems, options, lang) };
  }
  if (text.includes("\u0000")) return { kind: "refused", message: refusal.binary(lang), packaging };
  const table = csvTable(bytes);
  const bill = fromBill(table, options, packaging);
  if (bill) return bill;
  const m = matchBill(table, lang);
  if (m.kind === "none" && m.looksLike) return { kind: "refused", message: refusal.billWithoutHeader(lang, m.looksLike), packaging };

  const inspection = inspectCsv(bytes);
  if (!options.mapping) return { kind: "needs-mapping", format: "csv", inspection, suggestion: suggestMapping(inspection.headers, inspection.sampleRows, inspection.columnValues) };
  const res = applyMapping(bytes, options.mapping);
  const s = res.summary;
  return {
    kind: "parsed",
    format: "csv",
    packaging,
    ...none,
    rowsTotal: s.rowsTotal,
    recognisedRows: res.events.length,
    skipped: s.skipped,
    unmappedTypeValues: s.unmappedTypeValues,
    csv: inspection,
    ...checked(res.events, res.problems, options, lang),
  };
}

/** The schema's document-level checks (future dates, score scale) on top of the importer's own. */
function checked(events: HistoryEvent[], problems: ImportProblem[], options: ReadOptions, lang: Lang): { document: HistoryDocument | null; problems: string[] } {
  const formatted = problems.map((p) => formatProblemIn(p, lang));
  if (formatted.length) return { document: null, problems: formatted };
  const doc = parseHistory({ format: "credit-health-history", version: 1, borrower: options.borrower, events }, { now: options.now });
  if (!doc.ok) return { document: null, problems: doc.problems.map((p) => describeEventPath(p, events)) };
  return { document: doc.document, problems: [] };
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
