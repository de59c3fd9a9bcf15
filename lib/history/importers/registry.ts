/**
 * The importer registry: every file format the app reads, in the order files are tried, and the
 * bill exports recognised by their header row. Adding a bank's export = one module here (see
 * importers.md); nothing else changes.
 */
import { BillCollector } from "./collector";
import { alipayImporter } from "./alipay";
import { jdImporter } from "./jd";
import { wechatImporter } from "./wechat";
import type { BillContext, BillFormatId, BillImporter, BillResult } from "./types";
import type { BillTable } from "./table";
import type { Bilingual, Lang } from "./text";

// Each importer has its own column names; the registry only needs "some importer".
export const BILL_IMPORTERS: readonly BillImporter[] = [alipayImporter, wechatImporter, jdImporter] as BillImporter[];

export type FileFormatId = "history-json" | "history-csv" | BillFormatId | "csv";

/** Every format's name in both languages (the preview names what it read, refusals what it saw). */
export const FORMAT_NAMES: Record<FileFormatId, Bilingual> = {
  "history-json": { zh: "信用健康历史记录（JSON）", en: "Credit Health history (JSON)" },
  "history-csv": { zh: "信用健康导出文件（CSV）", en: "Credit Health export (CSV)" },
  alipay: alipayImporter.name,
  wechat: wechatImporter.name,
  jd: jdImporter.name,
  csv: { zh: "按您的列设置读取的 CSV 文件", en: "CSV with your column mapping" },
};

/** How the lenders the importers name (history-v1 `lender`) read on the page. */
const LENDER_NAMES: Record<string, Bilingual> = {
  Weilidai: { zh: "微粒贷", en: "Weilidai (微粒贷)" },
  Baitiao: { zh: "京东白条", en: "JD Baitiao (白条)" },
  Jintiao: { zh: "京东金条", en: "JD Jintiao (金条)" },
  信用卡: { zh: "信用卡（未写明银行）", en: "Credit card (bank not named)" },
};

export function lenderName(lender: string, lang: Lang): string {
  return LENDER_NAMES[lender]?.[lang] ?? lender;
}

export function billImporter(id: BillFormatId): BillImporter {
  return BILL_IMPORTERS.find((b) => b.id === id)!;
}

export type BillMatch =
  | { kind: "bill"; importer: BillImporter; headerLine: number; index: Record<string, number> }
  | { kind: "refused"; importer: BillImporter; message: string }
  | { kind: "none"; looksLike: BillImporter | null };

/** Which bill export a table is, by its header row (at any of its first rows). */
export function matchBill(table: BillTable, lang: Lang): BillMatch {
  for (const importer of BILL_IMPORTERS) {
    const message = importer.refuse?.(table, lang);
    if (message) return { kind: "refused", importer, message };
  }
  for (const row of table.head) {
    for (const importer of BILL_IMPORTERS) {
      const index = importer.matchHeader(row.cells);
      if (index) return { kind: "bill", importer, headerLine: row.line, index };
    }
  }
  return { kind: "none", looksLike: BILL_IMPORTERS.find((b) => b.looksLike(table.sniff)) ?? null };
}

/** Reads a matched bill's rows. Never throws; the same table always gives the same events. */
export function readBill(match: Extract<BillMatch, { kind: "bill" }>, table: BillTable, ctx: BillContext): BillResult {
  const collect = new BillCollector(match.importer.id, ctx.lang);
  match.importer.readRows(table, { line: match.headerLine, index: match.index }, collect, ctx);
  return collect.finish(table, match.headerLine);
}

/** The bill a zip's entry names point to (before decrypting it), e.g. 微信支付账单(…).xlsx. */
export function billOfZipNames(names: readonly string[]): BillImporter | null {
  return BILL_IMPORTERS.find((b) => names.some((n) => b.zipEntryName.test(n))) ?? null;
}
