/**
 * Which importer an uploaded file needs, from its content (never its name: users rename files,
 * and Excel "Save as" keeps .csv while changing the encoding). Synchronous and shallow: zips and
 * spreadsheets are only named here; lib/import/read-file.ts opens them.
 */
import { decodeBytes } from "./decode";
import { isHistoryCsv } from "./import-csv";
import { matchBill, type FileFormatId } from "./importers/registry";
import { refusal } from "./importers/refusals";
import { csvTable } from "./importers/table";
import type { Lang } from "./importers/text";
import { isZip } from "./zip";

export type ImportFormat =
  | { format: FileFormatId }
  | { format: "zip" } // a bill's zip or an XLSX: read-file opens it
  | { format: "refused"; message: string };

const SNIFF_BYTES = 64 * 1024;

export function detectImportFormat(bytes: Uint8Array, lang: Lang = "en"): ImportFormat {
  if (isZip(bytes)) return { format: "zip" };
  const { text } = decodeBytes(bytes.subarray(0, SNIFF_BYTES));
  if (text.trimStart().startsWith("{")) return { format: "history-json" };
  if (isHistoryCsv(text)) return { format: "history-csv" };
  if (text.includes("\u0000")) return { format: "refused", message: refusal.binary(lang) };
  const m = matchBill(csvTable(bytes.subarray(0, SNIFF_BYTES)), lang);
  if (m.kind === "bill") return { format: m.importer.id };
  if (m.kind === "refused") return { format: "refused", message: m.message };
  if (m.looksLike) return { format: "refused", message: refusal.billWithoutHeader(lang, m.looksLike) };
  return { format: "csv" };
}
