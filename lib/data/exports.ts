import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/data/audit";
import { runBySize } from "@/lib/workers/by-size";
import { exportFileTask, type ExportFormat } from "@/lib/workers/tasks/export-file";
import { readHistoryText } from "./history-text";

export type { ExportFormat };
export type ExportFile = { body: string; fileName: string; contentType: string; events: number };

/**
 * The user's whole history as a file to download (history-v1 JSON, or our CSV whose formula-like
 * cells are escaped), with an audit row: an export hands all their financial data to whoever
 * holds the browser, so the borrower can see when it happened. The history is read as the
 * database writes it (lib/data/history-text.ts) and, when large, formatted in the worker pool.
 */
export async function exportForDownload(db: PrismaClient, options: { userId: string; format: ExportFormat; ip?: string | null; now?: Date }): Promise<ExportFile> {
  const { format } = options;
  const text = await readHistoryText(db, { userId: options.userId, form: "exported" });
  const body = await runBySize(text.events, "history.exportFile", { historyJson: text.json, format }, exportFileTask);
  const day = (options.now ?? new Date()).toISOString().slice(0, 10);
  const file: ExportFile =
    format === "json"
      ? { body, fileName: `credit-health-${day}.json`, contentType: "application/json; charset=utf-8", events: text.events }
      : { body, fileName: `credit-health-${day}.csv`, contentType: "text/csv; charset=utf-8", events: text.events };
  await recordAudit(db, { userId: options.userId, action: "export", ip: options.ip, detail: { format: options.format, events: file.events } });
  return file;
}
