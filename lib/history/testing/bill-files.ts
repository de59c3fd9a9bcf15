/**
 * Bill files as they arrive, built from generated rows: WeChat Pay CSV (UTF-8 with or without a
 * BOM) and XLSX, JD CSV, and the zips they come in (ZipCrypto or AES, and zip bombs for the tests).
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { TextReader, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from "@zip.js/zip.js";
import { JD_HEADER, JD_PREAMBLE, WECHAT_HEADER, WECHAT_PREAMBLE, type JdRow, type WechatRow } from "./bill-rows";

const WECHAT_FIELDS: (keyof WechatRow)[] = ["time", "type", "counterparty", "goods", "direction", "amount", "method", "status", "orderNo", "merchantNo", "remark"];
const JD_FIELDS: (keyof JdRow)[] = ["time", "merchant", "description", "amount", "method", "status", "direction", "category", "orderNo", "merchantNo", "remark"];

/** A CSV cell, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvLines(preamble: readonly string[], header: readonly string[], rows: readonly string[][]): string {
  return [...preamble, header.join(","), ...rows.map((r) => r.map(csvCell).join(","))].join("\n") + "\n";
}

export function renderWechatCsv(rows: readonly WechatRow[], options: { bom?: boolean } = {}): Buffer {
  const text = csvLines(WECHAT_PREAMBLE.map((l) => (l ? `${l},,,,,,,,,,` : l)), WECHAT_HEADER, rows.map((r) => WECHAT_FIELDS.map((f) => r[f])));
  return Buffer.from((options.bom ?? true ? "\ufeff" : "") + text, "utf8");
}

/**
 * The newer XLSX export: the same preamble and header in one sheet. `preamble` lines before the
 * header (default the 16 of the CSV, so the header is on row 17).
 */
export async function renderWechatXlsx(rows: readonly WechatRow[], options: { preamble?: readonly string[] } = {}): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet("微信支付账单明细");
  for (const line of options.preamble ?? WECHAT_PREAMBLE) ws.addRow([line]).commit();
  ws.addRow(WECHAT_HEADER).commit();
  for (const r of rows) ws.addRow(WECHAT_FIELDS.map((f) => r[f])).commit();
  ws.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

export function renderJdCsv(rows: readonly JdRow[]): Buffer {
  // Every cell of the JD export carries a trailing tab.
  const text = csvLines(JD_PREAMBLE, JD_HEADER, rows.map((r) => JD_FIELDS.map((f) => (r[f].endsWith("\t") ? r[f] : `${r[f]}\t`))));
  return Buffer.from("\ufeff" + text, "utf8");
}

export type ZipOptions = { password?: string; encryption?: "zipcrypto" | "aes" };

/** One file in a zip, encrypted as the bill e-mails do when a password is given. */
export async function zipOne(name: string, bytes: Uint8Array, options: ZipOptions = {}): Promise<Uint8Array> {
  const w = new ZipWriter(new Uint8ArrayWriter(), {
    ...(options.password ? { password: options.password, zipCrypto: options.encryption === "zipcrypto", encryptionStrength: 3 as const } : {}),
    dataDescriptor: false,
  });
  await w.add(name, new Uint8ArrayReader(bytes));
  return w.close();
}

export async function zipFiles(files: Record<string, string>): Promise<Uint8Array> {
  const w = new ZipWriter(new Uint8ArrayWriter());
  for (const [name, text] of Object.entries(files)) await w.add(name, new TextReader(text));
  return w.close();
}

/**
 * A zip bomb: `megabytes` of one repeated line compress to a few KB. With `claimBytes` the entry's
 * headers lie about its size (local header and central directory both), as a crafted bomb would.
 */
export async function zipBomb(megabytes: number, options: { claimBytes?: number; name?: string } = {}): Promise<Uint8Array> {
  const line = "2025-01-01 00:00:00,商户消费,某商户,商品,支出,¥1.00,零钱,支付成功,1,2,/\n";
  const text = line.repeat(Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(line)));
  const zip = await zipOne(options.name ?? "微信支付账单.csv", Buffer.from(text, "utf8"));
  if (options.claimBytes === undefined) return zip;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, options.claimBytes, true); // local file header
    if (sig === 0x02014b50) view.setUint32(i + 24, options.claimBytes, true); // central directory
  }
  return zip;
}
