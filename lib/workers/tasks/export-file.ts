/**
 * The body of a downloaded history file, history-v1 JSON (indented, as borrowers read it) or our
 * CSV, from the history's exported JSON text: for 100,000 events, parsing and formatting is
 * seconds of a thread, so the request thread hands large histories to the pool. Pure; the request
 * thread runs the same function for small histories.
 */
import { exportEventsCsv } from "@/lib/history/export-csv";
import type { HistoryDocument } from "@/lib/history/schema";

export type ExportFormat = "json" | "csv";

export interface ExportFilePayload {
  historyJson: string;
  format: ExportFormat;
}

export function exportFileBody(doc: HistoryDocument, format: ExportFormat): string {
  return format === "json" ? `${JSON.stringify(doc, null, 2)}\n` : exportEventsCsv(doc);
}

export function exportFileTask(p: ExportFilePayload): string {
  return exportFileBody(JSON.parse(p.historyJson) as HistoryDocument, p.format);
}
