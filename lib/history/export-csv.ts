/**
 * history-v1 events as CSV, one column per field across all event types (read back by
 * import-csv.ts, so export → import gives identical events).
 * The columns come from the zod schema itself, so a field added to an event type is exported
 * without touching this file.
 */
import Papa from "papaparse";
import type { z } from "zod";
import { historyEvent, type HistoryDocument, type HistoryEvent } from "./schema";

type CellKind = "text" | "number" | "boolean";

function kindOf(schema: z.core.$ZodType): CellKind {
  let s = schema;
  while (s._zod.def.type === "optional" || s._zod.def.type === "default") s = (s._zod.def as unknown as { innerType: z.core.$ZodType }).innerType;
  const t = s._zod.def.type;
  return t === "number" ? "number" : t === "boolean" ? "boolean" : "text";
}

export const LEADING = ["id", "type", "date", "source", "note"];

/** Column → cell kind, in export order: LEADING, then each type's own fields in tie-break order. */
export const EXPORT_COLUMNS: ReadonlyMap<string, CellKind> = (() => {
  const cols = new Map<string, CellKind>(LEADING.map((c) => [c, "text"]));
  for (const option of historyEvent.options) {
    for (const [key, field] of Object.entries(option.shape as Record<string, z.core.$ZodType>)) {
      const kind = kindOf(field);
      const known = cols.get(key);
      // One column must mean one kind of value, or the importer could not read it back.
      if (known !== undefined && known !== kind && !LEADING.includes(key)) throw new Error(`field ${key} is both ${known} and ${kind}`);
      if (known === undefined) cols.set(key, kind);
    }
  }
  return cols;
})();

export const EXPORT_HEADER = [...EXPORT_COLUMNS.keys()];

// OWASP CSV injection: a cell starting with one of these runs as a formula in Excel/LibreOffice.
// A leading quote is escaped too, so the importer can strip exactly one quote without guessing.
const FORMULA_START = /^[=+\-@\t\r']/;

/** `=SUM(A1)` → `'=SUM(A1)`; `'x` → `''x`; anything else unchanged. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Inverse of escapeFormula. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export type ExportCsvOptions = {
  /** Prefix a UTF-8 BOM so Excel on a Chinese Windows reads UTF-8, not GBK. Default true. */
  bom?: boolean;
};

/**
 * Events as CSV text (RFC 4180, CRLF). Cells for fields an event does not have are empty, so
 * an empty-string note exports like no note: the only information the round trip loses.
 */
export function exportEventsCsv(events: readonly HistoryEvent[] | HistoryDocument, options: ExportCsvOptions = {}): string {
  const list = "events" in events ? events.events : events;
  const rows = list.map((e) => {
    const record = e as Record<string, unknown>;
    return EXPORT_HEADER.map((col) => {
      const v = record[col];
      if (v === undefined || v === null) return "";
      return typeof v === "string" ? escapeFormula(v) : String(v);
    });
  });
  const csv = Papa.unparse({ fields: EXPORT_HEADER, data: rows }, { newline: "\r\n", escapeFormulae: false });
  // Papa ends the text with a newline only when there are no data rows; every line should end with one.
  return (options.bom ?? true ? "\ufeff" : "") + (csv.endsWith("\r\n") ? csv : `${csv}\r\n`);
}
