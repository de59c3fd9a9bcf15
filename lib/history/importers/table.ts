/**
 * A bill's rows, wherever they came from (a CSV in any encoding, the first sheet of an XLSX), in
 * one shape: the top rows for finding the header by content, then every row after it with the
 * line (CSV) or row number (XLSX) the borrower sees in their file.
 */
import { decodeBytes, type TextEncoding } from "../decode";
import { eachCsvRow, type CsvRowError } from "../csv-rows";
import type { Sheet } from "../xlsx";

export type TableRow = { line: number; cells: string[] };
export type OnRow = (line: number, cells: string[]) => void;

export type BillTable = {
  container: "csv" | "xlsx";
  encoding: TextEncoding | null;
  /** The first HEAD_ROWS non-blank rows, cells trimmed and unquoted (header search only). */
  head: TableRow[];
  /** The start of the text (CSV) or the head's cells joined (XLSX), for "looks like" checks. */
  sniff: string;
  /** Calls `onRow` for every non-blank row after line `after`, in file order. */
  rowsAfter(after: number, onRow: OnRow): CsvRowError[];
};

/** The preambles we know are ~16-24 lines; a header further down is not a bill's. */
export const HEAD_ROWS = 200;
const SNIFF_CHARS = 64 * 1024;

/** Header cell text: padding, quotes and a BOM dropped (LibreOffice may quote every cell). */
export function headCell(cell: string): string {
  return cell.replace(/^\ufeff/, "").trim().replace(/^"(.*)"$/, "$1").trim();
}

/** A CSV table. The preamble is split quote-naively (bills never quote it); data rows by the CSV parser. */
export function csvTable(bytes: Uint8Array, forced?: TextEncoding): BillTable {
  const { text, encoding } = decodeBytes(bytes, forced);
  const head: TableRow[] = [];
  const offsets = new Map<number, number>(); // line → offset of the next line
  let offset = 0;
  for (let line = 1; head.length < HEAD_ROWS && offset < text.length; line++) {
    const end = text.indexOf("\n", offset);
    const raw = text.slice(offset, end === -1 ? text.length : end);
    offset = end === -1 ? text.length : end + 1;
    offsets.set(line, offset);
    if (raw.trim() !== "") head.push({ line, cells: raw.split(",").map(headCell) });
  }
  return {
    container: "csv",
    encoding,
    head,
    sniff: text.slice(0, SNIFF_CHARS),
    rowsAfter(after, onRow) {
      const from = offsets.get(after);
      if (from === undefined) return [];
      return eachCsvRow(text.slice(from), onRow, { delimiter: ",", firstLine: after + 1 }).errors;
    },
  };
}

/**
 * An XLSX sheet, read as it is used: the head from its top rows only, then every row after the
 * header straight into the importer, so the whole sheet is never held as rows. `rowsAfter` throws
 * SheetError when the sheet breaks a limit or turns out damaged further down (readSheet refuses it).
 */
export function sheetTable(sheet: Sheet): BillTable {
  const head: TableRow[] = [];
  sheet.eachRow((line, cells) => head.push({ line, cells: cells.map(headCell) }), HEAD_ROWS);
  return {
    container: "xlsx",
    encoding: null,
    head,
    sniff: head.map((r) => r.cells.join(",")).join("\n"),
    rowsAfter(after, onRow) {
      sheet.eachRow((line, cells) => {
        if (line > after) onRow(line, cells);
      });
      return [];
    },
  };
}
