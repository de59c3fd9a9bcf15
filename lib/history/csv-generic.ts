/**
 * Any other CSV (a bank's or lender's export, a spreadsheet the user kept) → history-v1 events,
 * through a column mapping the user confirms once (csv-mapping.ts). Two steps, both pure:
 * `inspectCsv` for the mapping form, `applyMapping` for the preview and the import.
 */
import { decodeBytes, type TextEncoding } from "./decode";
import { readCsvRows, type CsvRow } from "./csv-rows";
import { localDay, parseLooseAmount } from "./cell-values";
import { AMOUNT_FIELD, csvMapping, headerHash, normaliseHeader, type CsvMappingInput, type CsvRole, type CsvType } from "./csv-mapping";
import { checkEvent, countByReason, dayRange, type ImportProblem, type SkippedRow } from "./import-result";
import { formatPath } from "./parse";
import type { HistoryEvent } from "./schema";

export type CsvInspection = {
  encoding: TextEncoding;
  delimiter: string;
  /** 1-based line of the header row, or null for an empty file. */
  headerLine: number | null;
  headers: string[];
  sampleRows: string[][];
  /** Key for finding a saved mapping (see headerHash). */
  headerHash: string;
  /**
   * Every distinct value of each column over all rows (not only the sample), for columns with at
   * most MAX_COLUMN_VALUES of them: the type column's values the mapping form must ask about.
   */
  columnValues: Record<string, string[]>;
};

export const MAX_COLUMN_VALUES = 40;

const HEADER_SCAN_ROWS = 50;

/**
 * The header is the first row with at least two non-empty cells whose width equals the most
 * common row width: a bank's preamble ("账户：…", "起止日期：…") is narrower than its table.
 */
function guessHeaderIndex(rows: readonly CsvRow[]): number {
  const head = rows.slice(0, HEADER_SCAN_ROWS);
  const widths = new Map<number, number>();
  for (const r of head) widths.set(r.cells.length, (widths.get(r.cells.length) ?? 0) + 1);
  const common = [...widths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  const i = head.findIndex((r) => r.cells.length === common && r.cells.filter((c) => c.trim()).length >= 2);
  return i === -1 ? 0 : i;
}

function readTable(bytes: Uint8Array, opts: { encoding?: TextEncoding; delimiter?: string; headerLine?: number; maxRows?: number }) {
  const { text, encoding } = decodeBytes(bytes, opts.encoding);
  const parsed = readCsvRows(text, { delimiter: opts.delimiter, maxRows: opts.maxRows });
  const headerIndex = opts.headerLine !== undefined ? parsed.rows.findIndex((r) => r.line === opts.headerLine) : guessHeaderIndex(parsed.rows);
  return { encoding, parsed, headerIndex };
}

/** Distinct values per column over all data rows; a column with too many is left out. */
function distinctValues(headers: readonly string[], rows: readonly CsvRow[]): Record<string, string[]> {
  const sets = headers.map(() => new Set<string>() as Set<string> | null);
  for (const r of rows) {
    for (let i = 0; i < sets.length; i++) {
      const set = sets[i];
      const v = (r.cells[i] ?? "").trim();
      if (!set || !v) continue;
      set.add(v);
      if (set.size > MAX_COLUMN_VALUES) sets[i] = null;
    }
  }
  const out: Record<string, string[]> = {};
  headers.forEach((h, i) => {
    const set = sets[i];
    if (h && set && set.size) out[h] = [...set];
  });
  return out;
}

/** Reads the file to show a mapping form: header, first rows, every column's values. Never throws. */
export function inspectCsv(bytes: Uint8Array, options: { sampleRows?: number } = {}): CsvInspection {
  const sample = options.sampleRows ?? 5;
  const { encoding, parsed, headerIndex } = readTable(bytes, {});
  const header = parsed.rows[headerIndex];
  const headers = (header?.cells ?? []).map((h) => h.trim());
  return {
    columnValues: distinctValues(headers, parsed.rows.slice(headerIndex + 1)),
    encoding,
    delimiter: parsed.delimiter,
    headerLine: header?.line ?? null,
    headers,
    sampleRows: parsed.rows.slice(headerIndex + 1, headerIndex + 1 + sample).map((r) => r.cells.map((c) => c.trim())),
    headerHash: headerHash(headers),
  };
}

export type CsvImportSummary = {
  rowsTotal: number;
  byType: Partial<Record<CsvType, number>>;
  skipped: SkippedRow[];
  skippedByReason: Record<string, number>;
  /** Type column values with no mapping, for the form to ask about. */
  unmappedTypeValues: string[];
  dateRange: { from: string; to: string } | null;
};

export type CsvImportResult = { ok: boolean; events: HistoryEvent[]; summary: CsvImportSummary; problems: ImportProblem[] };

/**
 * Applies a mapping (validated here with `csvMapping`) to a file. Never throws; problems carry
 * 1-based file lines (`line 14: amount "abc" is not a number`). Events keep file order and get
 * an id only from a mapped id column (the store derives ids from content otherwise).
 */
export function applyMapping(bytes: Uint8Array, mappingInput: CsvMappingInput): CsvImportResult {
  const summary: CsvImportSummary = { rowsTotal: 0, byType: {}, skipped: [], skippedByReason: {}, unmappedTypeValues: [], dateRange: null };
  const fail = (problems: ImportProblem[]): CsvImportResult => ({ ok: false, events: [], summary, problems });
  const m = csvMapping.safeParse(mappingInput);
  if (!m.success) return fail(m.error.issues.map((i) => ({ line: null, message: `mapping ${formatPath(i.path)}: ${i.message}` })));
  const mapping = m.data;
  const { parsed, headerIndex } = readTable(bytes, mapping);
  const header = parsed.rows[headerIndex];
  if (!header) return fail([{ line: null, message: "the file has no header row" }]);
  const problems: ImportProblem[] = [...parsed.errors];

  const normHeaders = header.cells.map(normaliseHeader);
  const col: Partial<Record<CsvRole, number>> = {};
  for (const [role, name] of Object.entries(mapping.columns) as [CsvRole, string | undefined][]) {
    if (name === undefined) continue;
    const i = normHeaders.indexOf(normaliseHeader(name));
    col[role] = i;
    if (i === -1) problems.push({ line: header.line, message: `column "${name}" (${role}) is not in this file; its columns are: ${header.cells.map((c) => c.trim()).join(", ")}` });
  }
  if (problems.some((p) => p.line === header.line)) return fail(problems);

  const typeValues = new Map(Object.entries(mapping.typeValues ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const unmapped = new Set<string>();
  const events: HistoryEvent[] = [];
  const cell = (cells: string[], role: CsvRole) => {
    const i = col[role];
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };

  for (const { line, cells } of parsed.rows.slice(headerIndex + 1)) {
    summary.rowsTotal++;
    let type: CsvType;
    if (mapping.fixedType) type = mapping.fixedType;
    else {
      const raw = cell(cells, "type");
      const mapped = typeValues.get(raw.toLowerCase());
      if (mapped === undefined || mapped === "skip") {
        if (mapped === undefined && raw) unmapped.add(raw);
        summary.skipped.push({ line, reason: !raw ? "type is empty" : mapped === "skip" ? `type "${raw}" is skipped by the mapping` : `type "${raw}" is not mapped` });
        continue;
      }
      type = mapped;
    }
    const rawDate = cell(cells, "date");
    const date = localDay(rawDate);
    if (date === null) {
      problems.push({ line, message: rawDate ? `date "${rawDate}" is not a date` : "date is empty" });
      continue;
    }
    const candidate: Record<string, unknown> = { type, date, source: mapping.source };
    const field = AMOUNT_FIELD[type];
    if (field) {
      const rawAmount = cell(cells, "amount");
      let value = parseLooseAmount(rawAmount, { decimalSeparator: mapping.decimalSeparator });
      if (value === null) {
        problems.push({ line, message: rawAmount ? `amount "${rawAmount}" is not a number` : "amount is empty" });
        continue;
      }
      if (value < 0 && mapping.negativeAmounts === "reject") {
        problems.push({ line, message: `amount "${rawAmount}" is negative (choose "use absolute value" if the file writes outflows as negative)` });
        continue;
      }
      value = Math.abs(value);
      candidate[field] = value;
    }
    const id = cell(cells, "id");
    if (id) candidate.id = id;
    const note = cell(cells, "note");
    if (note) candidate.note = note;
    const loanId = cell(cells, "loanId");
    if (loanId && (type === "borrow" || type === "repayment")) candidate.loanId = loanId;
    const lender = cell(cells, "lender");
    if (lender && (type === "borrow" || type === "repayment" || type === "inquiry")) candidate.lender = lender;
    const event = checkEvent(candidate, line, problems);
    if (!event) continue;
    events.push(event);
    summary.byType[type] = (summary.byType[type] ?? 0) + 1;
  }
  summary.skippedByReason = countByReason(summary.skipped);
  summary.unmappedTypeValues = [...unmapped];
  summary.dateRange = dayRange(events.map((e) => e.date));
  return { ok: problems.length === 0, events, summary, problems };
}
