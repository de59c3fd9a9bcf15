/**
 * Alipay bill export (支付宝账单, spec: shared/spec/alipay-bill.md) → history-v1 events, as a
 * synchronous call on CSV bytes. The format itself lives on the importer registry
 * (importers/alipay.ts); this keeps the summary shape the tests and the bench read.
 */
import type { TextEncoding } from "./decode";
import type { ImportProblem, SkippedRow } from "./import-result";
import { countByReason } from "./import-result";
import { alipayImporter } from "./importers/alipay";
import { readBill } from "./importers/registry";
import { csvTable } from "./importers/table";
import type { Lang } from "./importers/text";
import type { HistoryEvent } from "./schema";

export { classifyCreditRow } from "./importers/alipay";

export const ALIPAY_SOURCE = "import:alipay";

export type AlipaySummary = {
  /** Data rows after the header (blank and single-cell footer lines excluded). */
  rowsTotal: number;
  recognised: { borrow: number; repayment: number; activityRows: number; activityDays: number };
  skipped: SkippedRow[];
  skippedByReason: Record<string, number>;
  /** Calendar days of the rows that produced events; null when none did. */
  dateRange: { from: string; to: string } | null;
  encoding: TextEncoding | null;
  layout: "current" | "2021" | null;
  headerLine: number | null;
  lenders: string[];
};

export type AlipayImportResult = { ok: boolean; events: HistoryEvent[]; summary: AlipaySummary; problems: ImportProblem[] };

export type AlipayImportOptions = {
  /** The history's product (default Jiebei): its rows carry no `lender`. */
  product?: string;
  lang?: Lang;
};

/**
 * Parses an Alipay bill export. Never throws: a file that is not the right export, or rows it
 * cannot read, come back as `problems` (1-based file line numbers). Invariants: every event has
 * passed `historyEvent`; ids are 交易订单号 (borrow/repayment), `alipay-activity-YYYY-MM-DD` or
 * `alipay-account-<lender>`, so importing the same file twice yields the same ids.
 */
export function parseAlipayBill(bytes: Uint8Array, options: AlipayImportOptions = {}): AlipayImportResult {
  const lang = options.lang ?? "en";
  const table = csvTable(bytes);
  const empty: AlipaySummary = {
    rowsTotal: 0,
    recognised: { borrow: 0, repayment: 0, activityRows: 0, activityDays: 0 },
    skipped: [],
    skippedByReason: {},
    dateRange: null,
    encoding: table.encoding,
    layout: null,
    headerLine: null,
    lenders: [],
  };
  const refused = alipayImporter.refuse!(table, lang);
  if (refused) return { ok: false, events: [], summary: empty, problems: [{ line: null, message: refused }] };
  const found = table.head.map((r) => ({ line: r.line, index: alipayImporter.matchHeader(r.cells) })).find((h) => h.index);
  if (!found?.index) {
    const message = lang === "zh" ? `没有找到支付宝账单的表头（应有 交易时间、交易分类、商品说明、金额、交易状态、交易订单号）。这是支付宝账单吗？${alipayImporter.howToExport.zh}` : `No Alipay bill header found (expected a line with 交易时间, 交易分类, 商品说明, 金额, 交易状态, 交易订单号). Is this the Alipay bill export? ${alipayImporter.howToExport.en}`;
    return { ok: false, events: [], summary: empty, problems: [{ line: null, message }] };
  }
  const r = readBill({ kind: "bill", importer: alipayImporter, headerLine: found.line, index: found.index }, table, { product: options.product ?? "Jiebei", lang });
  const count = (type: string) => r.events.filter((e) => e.type === type).length;
  const summary: AlipaySummary = {
    ...empty,
    rowsTotal: r.summary.rowsTotal,
    recognised: { borrow: count("borrow"), repayment: count("repayment"), activityRows: r.summary.mergedRows, activityDays: r.summary.activityDays },
    skipped: r.summary.skipped,
    skippedByReason: countByReason(r.summary.skipped),
    dateRange: r.summary.dateRange,
    layout: found.index.time === 0 ? "current" : "2021",
    headerLine: found.line,
    lenders: r.summary.lenders,
  };
  return { ok: r.ok, events: r.events, summary, problems: r.problems };
}
