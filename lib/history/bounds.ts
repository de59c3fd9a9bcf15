/**
 * Limits on what one uploaded file may expand to. A 20 MB upload is the limit of the app and the
 * API (history-v1.md); a zip or a spreadsheet may hold far more once expanded, so each container
 * is bounded again by what it unpacks to, and by time.
 */

/** Uncompressed bytes of the CSV/XLSX entries read from one zip (more-bills.md). */
export const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024;
/**
 * Uncompressed bytes of one XLSX's parts: its sheet XML is about 4× the CSV of the same rows
 * (a 100,000-row WeChat bill: ~45 MB), so the 20 MB of data the CSV limit allows fits with room.
 */
export const MAX_XLSX_UNPACKED_BYTES = 120 * 1024 * 1024;
/** Entries in one zip or XLSX; a real bill zip holds one file, a WeChat XLSX about ten parts. */
export const MAX_ZIP_ENTRIES = 200;
/** Rows of one sheet; the largest bill we expect (10 years of daily use) is ~100,000. */
export const MAX_SHEET_ROWS = 250_000;
/**
 * Strings in one XLSX's shared-strings table: a 100,000-row bill holds ~350,000; a crafted table of
 * millions of one-letter strings would cost far more memory than its bytes suggest.
 */
export const MAX_SHARED_STRINGS = 2_000_000;
/**
 * Bytes of that table (a 100,000-row bill: ~15 MB). Unlike the sheet, which is read a piece at a
 * time, the table is held whole while the sheet is read, so it is bounded on its own.
 */
export const MAX_SHARED_STRINGS_BYTES = 48 * 1024 * 1024;
/** Columns read per row (a bill has 11-12); cells further right are ignored. */
export const MAX_SHEET_COLUMNS = 40;
/**
 * Wall time for reading one spreadsheet before it is refused as too slow to read: a 100,000-row
 * WeChat XLSX took 21 s with exceljs on our shared 2-core machine under a load of 20 (about 3-5 s
 * with the XML reader of lib/history/xlsx/xml.ts), so a real bill fits with room.
 */
export const SHEET_TIME_BOX_MS = 60_000;
