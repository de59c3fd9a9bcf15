/**
 * The importer of our own CSV export (export-csv.ts): recognised by its header, columns read by
 * name, every cell checked against the history-v1 schema.
 */
import { readCsvRows } from "./csv-rows";
import { decodeBytes } from "./decode";
import { EXPORT_COLUMNS, LEADING, unescapeFormula } from "./export-csv";
import { checkEvent, type ImportProblem } from "./import-result";
import type { HistoryEvent } from "./schema";

/** True when the text (or bytes) starts with our export's header: `id,type,date,…`. */
export function isHistoryCsv(input: string | Uint8Array): boolean {
  const text = typeof input === "string" ? input.replace(/^\ufeff/, "") : decodeBytes(input.subarray(0, 4096)).text;
  return text.startsWith(`${LEADING.join(",")},`) || text.startsWith(`${LEADING.join(",")}\r`) || text.startsWith(`${LEADING.join(",")}\n`);
}

export type HistoryCsvResult = { ok: boolean; events: HistoryEvent[]; problems: ImportProblem[] };

const NUMBER_CELL = /^-?\d+(?:\.\d+)?$/;

/**
 * Reads a CSV written by exportEventsCsv (columns by name, so older exports with fewer columns
 * still read). Never throws; problems carry 1-based file lines.
 */
export function parseHistoryCsv(bytes: Uint8Array | string): HistoryCsvResult {
  const text = typeof bytes === "string" ? bytes.replace(/^\ufeff/, "") : decodeBytes(bytes).text;
  const parsed = readCsvRows(text, { delimiter: "," });
  const problems: ImportProblem[] = [...parsed.errors];
  const [header, ...rows] = parsed.rows;
  if (!header || !isHistoryCsv(text)) {
    return { ok: false, events: [], problems: [{ line: null, message: `not a Credit Health CSV export (expected a header starting ${LEADING.join(",")})` }] };
  }
  const unknown = header.cells.filter((c) => !EXPORT_COLUMNS.has(c));
  if (unknown.length) {
    // history-v1 rejects unknown fields: a renamed column must not silently lose data.
    return { ok: false, events: [], problems: [{ line: header.line, message: `unknown column(s): ${unknown.join(", ")}` }] };
  }
  const events: HistoryEvent[] = [];
  for (const { line, cells } of rows) {
    const candidate: Record<string, unknown> = {};
    let bad = false;
    const reject = (message: string) => {
      bad = true;
      problems.push({ line, message });
    };
    header.cells.forEach((col, i) => {
      const cell = cells[i] ?? "";
      if (cell === "") return;
      const kind = EXPORT_COLUMNS.get(col)!;
      if (kind === "text") candidate[col] = unescapeFormula(cell);
      else if (kind === "boolean") {
        if (cell === "true" || cell === "false") candidate[col] = cell === "true";
        else reject(`${col} "${cell}" is not true or false`);
      } else if (NUMBER_CELL.test(cell)) candidate[col] = Number(cell);
      else reject(`${col} "${cell}" is not a number`);
    });
    if (cells.slice(header.cells.length).some((c) => c !== "")) reject(`has ${cells.length} cells but the header has ${header.cells.length}`);
    if (bad) continue;
    const event = checkEvent(candidate, line, problems);
    if (event) events.push(event);
  }
  return { ok: problems.length === 0, events, problems };
}
