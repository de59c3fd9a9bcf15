/**
 * The first sheet of an XLSX as rows of text cells, through exceljs's streaming reader, bounded:
 * the parts are inflated by zip.js under a size cap first (a spreadsheet is a zip, and a zip bomb
 * must be refused before exceljs expands it), then rows are counted and the read is time-boxed.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from "@zip.js/zip.js";
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, MAX_XLSX_UNPACKED_BYTES, SHEET_TIME_BOX_MS } from "./bounds";
import { unzipAll } from "./zip";

export type SheetRow = { line: number; cells: string[] };
export type SheetFailure = "too-large" | "too-many-rows" | "too-slow" | "corrupt" | "not-xlsx" | "encrypted";
export type SheetRead = { ok: true; rows: SheetRow[] } | { ok: false; code: SheetFailure };

export type SheetOptions = { maxRows?: number; timeBoxMs?: number; maxBytes?: number };

// exceljs's stream reader parks a worksheet in a temp file when it comes before the shared
// strings; putting the small parts first keeps everything in memory.
const FIRST = ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"];

/** The verified parts again as a zip, stored (no compression), so exceljs only copies bytes. */
async function restore(files: Map<string, Uint8Array>): Promise<Uint8Array> {
  const w = new ZipWriter(new Uint8ArrayWriter(), { level: 0, keepOrder: true, dataDescriptor: false });
  const names = [...FIRST.filter((n) => files.has(n)), ...[...files.keys()].filter((n) => !FIRST.includes(n))];
  for (const n of names) {
    await w.add(n, new Uint8ArrayReader(files.get(n)!), { level: 0 });
    files.delete(n); // one copy of each part at a time: the peak stays near the file's own size
  }
  return w.close();
}

/** Fed in 64 KB pieces: unzipper scans a single 50 MB chunk far slower than a stream of small ones. */
function* chunks(bytes: Uint8Array, size = 1 << 16): Generator<Buffer> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A cell as the text a CSV export of the same sheet would hold. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) {
    // exceljs reads a date serial as that wall-clock time in UTC: print it back as written.
    if (Number.isNaN(value.getTime())) return "";
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text ?? "").join("");
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return "";
  }
  return "";
}

/**
 * Reads the first worksheet. Never throws. Rows keep their sheet row number as `line` (1-based,
 * as Excel shows it), blank rows are dropped.
 */
export async function readFirstSheet(bytes: Uint8Array, options: SheetOptions = {}): Promise<SheetRead> {
  const maxRows = options.maxRows ?? MAX_SHEET_ROWS;
  const deadline = Date.now() + (options.timeBoxMs ?? SHEET_TIME_BOX_MS);
  const unpacked = await unzipAll(bytes, options.maxBytes ?? MAX_XLSX_UNPACKED_BYTES);
  if (!unpacked.ok) return { ok: false, code: unpacked.code === "too-large" ? "too-large" : unpacked.code === "needs-password" ? "encrypted" : "corrupt" };
  if (!unpacked.files.has("xl/workbook.xml")) return { ok: false, code: "not-xlsx" };
  const rows: SheetRow[] = [];
  try {
    const stored = await restore(unpacked.files);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks(stored)), {
      worksheets: "emit",
      sharedStrings: "cache",
      styles: "cache", // date cells come back as dates only with their number formats
      hyperlinks: "ignore",
      entries: "ignore",
    });
    for await (const sheet of reader) {
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        if (Date.now() > deadline) return { ok: false, code: "too-slow" };
        if (rows.length >= maxRows) return { ok: false, code: "too-many-rows" };
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        const width = Math.min(values.length, MAX_SHEET_COLUMNS + 1);
        for (let i = 1; i < width; i++) cells.push(cellText(values[i]));
        if (cells.some((c) => c.trim() !== "")) rows.push({ line: row.number, cells });
      }
      break; // the bill is the first sheet
    }
  } catch {
    return { ok: false, code: "corrupt" };
  }
  return { ok: true, rows };
}
