/**
 * The first sheet of an XLSX as rows of text cells, bounded at every step: the parts are inflated
 * by zip.js under one size cap (a spreadsheet is a zip, and a zip bomb is refused before it is
 * expanded), only the parts the sheet's text needs are inflated at all, and the sheet's rows are
 * counted, cut at a column cap and time-boxed while they are read.
 *
 * The XML is read by the scanner of lib/history/xlsx/xml.ts, not by exceljs's streaming reader,
 * which this module used before: on a 100,000-row WeChat bill exceljs alone took ~5.4 s (saxes
 * events plus a Row and Cell object per cell, after re-zipping the verified parts for it); and
 * exceljs 4.4's stream reader decodes each piece of a part on its own, so a Chinese character
 * split across two pieces became "��" (exceljs issues #2063, #2316, open). exceljs still writes
 * the test fixtures.
 */
import { MAX_SHARED_STRINGS, MAX_SHARED_STRINGS_BYTES, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, MAX_XLSX_UNPACKED_BYTES, SHEET_TIME_BOX_MS } from "./bounds";
import type { CellContext } from "./xlsx/cells";
import { readDateStyles, readSharedStrings, readWorkbook, TooManyStrings } from "./xlsx/parts";
import { eachSheetRow, SheetLimit, type OnSheetRow, type SheetLimits } from "./xlsx/sheet";
import { XmlError } from "./xlsx/xml";
import { openZipParts, type ZipParts } from "./zip";

export type SheetRow = { line: number; cells: string[] };
export type SheetFailure = "too-large" | "too-many-rows" | "too-slow" | "corrupt" | "not-xlsx" | "encrypted";
export type SheetRead = { ok: true; rows: SheetRow[] } | { ok: false; code: SheetFailure };

export type SheetOptions = { maxRows?: number; timeBoxMs?: number; maxBytes?: number };

/** Why a sheet could not be read to the end; thrown by `Sheet.eachRow`. */
export class SheetError extends Error {
  constructor(readonly code: SheetFailure) {
    super(code);
  }
}

/** An opened first sheet: its rows can be read (again) without holding them all. */
export type Sheet = {
  /** Calls `onRow` for each non-blank row, stopping after `stopAfter`. Throws SheetError. */
  eachRow(onRow: OnSheetRow, stopAfter?: number): void;
};

const WORKBOOK = "xl/workbook.xml";

async function part(parts: ZipParts, name: string | null, cap?: number): Promise<Uint8Array | null> {
  if (!name) return null;
  const r = await parts.read(name, cap);
  if (r === null) return null;
  if (!r.ok) throw new SheetError(r.code === "too-large" ? "too-large" : "corrupt");
  return r.bytes;
}

/** The first sheet by the workbook's order; failing that, the lowest-numbered sheet part. */
function fallbackSheet(names: readonly string[]): string | null {
  const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  sheets.sort((a, b) => Number(/\d+/.exec(a.slice(14))![0]) - Number(/\d+/.exec(b.slice(14))![0]));
  return sheets[0] ?? null;
}

function failureOf(err: unknown): SheetFailure {
  if (err instanceof SheetError) return err.code;
  if (err instanceof SheetLimit) return err.code;
  if (err instanceof TooManyStrings) return "too-large";
  if (err instanceof XmlError) return "corrupt";
  throw err;
}

/**
 * Opens the first worksheet: inflates and reads the workbook, its relationships, styles and
 * shared strings, and the sheet's XML (kept as bytes, read on demand). Never throws.
 */
export async function openFirstSheet(bytes: Uint8Array, options: SheetOptions = {}): Promise<{ ok: true; sheet: Sheet } | { ok: false; code: SheetFailure }> {
  const limits: SheetLimits = { maxRows: options.maxRows ?? MAX_SHEET_ROWS, maxColumns: MAX_SHEET_COLUMNS, deadline: Date.now() + (options.timeBoxMs ?? SHEET_TIME_BOX_MS) };
  const zip = await openZipParts(bytes, options.maxBytes ?? MAX_XLSX_UNPACKED_BYTES);
  if (!zip.ok) return { ok: false, code: zip.code === "too-large" ? "too-large" : zip.code === "needs-password" ? "encrypted" : "corrupt" };
  const { parts } = zip;
  if (!parts.names.includes(WORKBOOK)) return { ok: false, code: "not-xlsx" };
  try {
    const workbook = readWorkbook((await part(parts, WORKBOOK))!, await part(parts, "xl/_rels/workbook.xml.rels"));
    const sheetName = workbook.firstSheet && parts.names.includes(workbook.firstSheet) ? workbook.firstSheet : fallbackSheet(parts.names);
    const ctx: CellContext = {
      dateStyles: readDateStyles(await part(parts, "xl/styles.xml")),
      sharedStrings: readSharedStrings(await part(parts, "xl/sharedStrings.xml", MAX_SHARED_STRINGS_BYTES), MAX_SHARED_STRINGS),
      date1904: workbook.date1904,
    };
    const xml = await part(parts, sheetName);
    if (xml === null) return { ok: false, code: "corrupt" };
    if (Date.now() > limits.deadline) return { ok: false, code: "too-slow" };
    return {
      ok: true,
      sheet: {
        eachRow(onRow, stopAfter) {
          try {
            eachSheetRow(xml, ctx, limits, onRow, stopAfter);
          } catch (err) {
            throw new SheetError(failureOf(err));
          }
        },
      },
    };
  } catch (err) {
    return { ok: false, code: failureOf(err) };
  }
}

/**
 * Reads the whole first worksheet into rows. Never throws. Rows keep their sheet row number as
 * `line` (1-based, as Excel shows it), blank rows are dropped. The import itself streams rows
 * from `openFirstSheet` instead; this is for callers that want the table at once.
 */
export async function readFirstSheet(bytes: Uint8Array, options: SheetOptions = {}): Promise<SheetRead> {
  const opened = await openFirstSheet(bytes, options);
  if (!opened.ok) return opened;
  const rows: SheetRow[] = [];
  try {
    opened.sheet.eachRow((line, cells) => rows.push({ line, cells }));
  } catch (err) {
    return { ok: false, code: failureOf(err) };
  }
  return { ok: true, rows };
}
