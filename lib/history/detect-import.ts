/**
 * Which importer an uploaded file needs, from its content (never its name: users rename files,
 * and Excel "Save as" keeps .csv while changing the encoding).
 */
import { decodeBytes } from "./decode";
import { findAlipayHeader, OLD_PC_EXPORT_MESSAGE, RIGHT_EXPORT_HINT } from "./alipay-layout";
import { isHistoryCsv } from "./import-csv";

export type ImportFormat =
  | { format: "history-json" } // parseHistoryJson
  | { format: "history-csv" } // parseHistoryCsv
  | { format: "alipay" } // parseAlipayBill
  | { format: "csv" } // inspectCsv → mapping form → applyMapping
  | { format: "refused"; message: string };

const SNIFF_BYTES = 64 * 1024;

export function detectImportFormat(bytes: Uint8Array): ImportFormat {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // The Alipay bill arrives as a password-protected zip; we do not take passwords.
    return { format: "refused", message: `This is a zip archive. Unzip it first (the Alipay bill's password comes with the e-mail or SMS) and upload the .csv inside. ${RIGHT_EXPORT_HINT}` };
  }
  const { text } = decodeBytes(bytes.subarray(0, SNIFF_BYTES));
  if (text.trimStart().startsWith("{")) return { format: "history-json" };
  if (isHistoryCsv(text)) return { format: "history-csv" };
  const alipay = findAlipayHeader(text);
  if (alipay.ok) return { format: "alipay" };
  if (alipay.message === OLD_PC_EXPORT_MESSAGE) return { format: "refused", message: alipay.message };
  if (text.includes("\u0000")) return { format: "refused", message: "This is not a text file. Upload a CSV or a history JSON file." };
  return { format: "csv" };
}
