import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { exportHistory } from "@/lib/data/history";
import { exportEventsCsv } from "@/lib/history/export-csv";
import { recordAudit } from "@/lib/data/audit";

export type ExportFormat = "json" | "csv";
export type ExportFile = { body: string; fileName: string; contentType: string; events: number };

/**
 * The user's whole history as a file to download (history-v1 JSON, or our CSV whose formula-like
 * cells are escaped), with an audit row: an export hands all their financial data to whoever
 * holds the browser, so the borrower can see when it happened.
 */
export async function exportForDownload(db: PrismaClient, options: { userId: string; format: ExportFormat; ip?: string | null; now?: Date }): Promise<ExportFile> {
  const doc = await exportHistory(db, { userId: options.userId });
  const day = (options.now ?? new Date()).toISOString().slice(0, 10);
  const file: ExportFile =
    options.format === "json"
      ? { body: `${JSON.stringify(doc, null, 2)}\n`, fileName: `credit-health-${day}.json`, contentType: "application/json; charset=utf-8", events: doc.events.length }
      : { body: exportEventsCsv(doc), fileName: `credit-health-${day}.csv`, contentType: "text/csv; charset=utf-8", events: doc.events.length };
  await recordAudit(db, { userId: options.userId, action: "export", ip: options.ip, detail: { format: options.format, events: file.events } });
  return file;
}
