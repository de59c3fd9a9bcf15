/**
 * The preview of one file as the `preview-import` command prints it, from the same readImportFile
 * the page's preview uses. Saves nothing; the caller decides the exit code from `ok`.
 */
import { DEFAULT_BORROWER } from "@/lib/history/schema";
import type { Lang } from "@/lib/history/importers/text";
import { readImportFile } from "./read-file";

export type PreviewJson = {
  format: string;
  rows: number;
  recognised: number;
  merged: number;
  activityDays: number;
  skipped: { line: number; reason: string }[];
  lenders: string[];
  events: unknown[];
};

export type PreviewCommandResult = { ok: true; preview: PreviewJson } | { ok: false; message: string; problems: string[] };

export async function previewFile(bytes: Uint8Array, options: { password?: string; product?: string; lang?: Lang; now?: Date } = {}): Promise<PreviewCommandResult> {
  const borrower = { ...DEFAULT_BORROWER, scoreScale: { ...DEFAULT_BORROWER.scoreScale }, product: options.product ?? DEFAULT_BORROWER.product };
  const r = await readImportFile(bytes, { borrower, password: options.password, lang: options.lang, now: options.now });
  const zh = options.lang === "zh";
  if (r.kind === "refused" || r.kind === "needs-password") return { ok: false, message: r.message + (r.kind === "needs-password" ? (zh ? "（使用 --password 提供密码）" : " (give it with --password)") : ""), problems: [] };
  if (r.kind === "needs-mapping") {
    return { ok: false, message: zh ? "这是一个未知格式的 CSV：请在导入页面设置每一列的含义。" : "This is a CSV of no known layout: map its columns on the import page.", problems: [] };
  }
  if (!r.document) return { ok: false, message: zh ? `文件中有 ${r.problems.length} 个问题：` : `The file has ${r.problems.length} problem(s):`, problems: r.problems };
  return {
    ok: true,
    preview: {
      format: r.format,
      rows: r.rowsTotal,
      recognised: r.recognisedRows,
      merged: r.mergedRows,
      activityDays: r.activityDays,
      skipped: r.skipped,
      lenders: r.lenders,
      events: r.document.events,
    },
  };
}
