/**
 * Alipay bill export (支付宝账单, spec: shared/spec/alipay-bill.md) → history-v1 events.
 * Pure: bytes in, events + preview summary + problems out; nothing is stored here.
 */
import { decodeBytes, type TextEncoding } from "./decode";
import { eachCsvRow } from "./csv-rows";
import { localDay, parseStrictAmount } from "./cell-values";
import { ALIPAY_CREDIT_CATEGORY, ALIPAY_SUCCESS, findAlipayHeader, type AlipayHeader } from "./alipay-layout";
import { checkEvent, countByReason, dayRange, type ImportProblem, type SkippedRow } from "./import-result";
import type { HistoryEvent } from "./schema";

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
  layout: AlipayHeader["layout"] | null;
  headerLine: number | null;
};

export type AlipayImportResult = {
  /** True when there are no problems; the caller saves all events or none (spec). */
  ok: boolean;
  /** Sorted by date, then type, then id: the same file always gives the same array. */
  events: HistoryEvent[];
  summary: AlipaySummary;
  problems: ImportProblem[];
};

export type AlipayImportOptions = {
  /**
   * Words that mark a 信用借还 row as the main credit product (history-v1: `lender` absent).
   * Rows without them (e.g. 花呗 repayments) keep their 交易对方 as `lender`, so another
   * product's repayments are not counted as Jiebei's. Default ["借呗"].
   */
  mainProductKeywords?: readonly string[];
};

const REPAYMENT_WORDS = ["还款"];
const BORROW_WORDS = ["借款", "放款"];

/** What a 信用借还 row's description says. Repayment wins: "借款还款" is paying a loan back. */
export function classifyCreditRow(description: string): "borrow" | "repayment" | null {
  if (REPAYMENT_WORDS.some((w) => description.includes(w))) return "repayment";
  if (BORROW_WORDS.some((w) => description.includes(w))) return "borrow";
  return null;
}

function emptySummary(encoding: TextEncoding | null): AlipaySummary {
  return {
    rowsTotal: 0,
    recognised: { borrow: 0, repayment: 0, activityRows: 0, activityDays: 0 },
    skipped: [],
    skippedByReason: {},
    dateRange: null,
    encoding,
    layout: null,
    headerLine: null,
  };
}

const TYPE_ORDER: Record<string, number> = { activity: 0, borrow: 1, repayment: 2 };

/**
 * Parses an Alipay bill export. Never throws: a file that is not the right export, or rows it
 * cannot read, come back as `problems` (1-based file line numbers). Invariants: every event has
 * passed `historyEvent`; ids are 交易订单号 (borrow/repayment) or `alipay-activity-YYYY-MM-DD`,
 * so importing the same file twice yields the same ids.
 */
export function parseAlipayBill(bytes: Uint8Array, options: AlipayImportOptions = {}): AlipayImportResult {
  const { text, encoding } = decodeBytes(bytes);
  const summary = emptySummary(encoding);
  const problems: ImportProblem[] = [];
  const found = findAlipayHeader(text);
  if (!found.ok) return { ok: false, events: [], summary, problems: [{ line: null, message: found.message }] };
  const { index: col, line: headerLine } = found.header;
  summary.layout = found.header.layout;
  summary.headerLine = headerLine;
  const mainWords = options.mainProductKeywords ?? ["借呗"];

  const events: HistoryEvent[] = [];
  const byOrderNo = new Map<string, { line: number; key: string }>();
  const activity = new Map<string, number>();
  const cell = (cells: string[], i: number) => (i < 0 ? "" : (cells[i] ?? "").trim());

  const onRow = (line: number, cells: string[]): void => {
    if (line === headerLine) return;
    // Separator or summary lines after the data ("------", "共N笔记录") hold a single cell.
    let filled = 0;
    for (const c of cells) if (c.trim() !== "") filled++;
    if (filled <= 1) return;
    summary.rowsTotal++;
    const status = cell(cells, col.status);
    if (status !== ALIPAY_SUCCESS) {
      summary.skipped.push({ line, reason: `交易状态 ${status || "(empty)"}` });
      return;
    }
    const rawTime = cell(cells, col.time);
    const day = localDay(rawTime);
    if (day === null) {
      problems.push({ line, message: `交易时间 "${rawTime}" is not a date` });
      return;
    }
    const rawAmount = cell(cells, col.amount);
    const amount = parseStrictAmount(rawAmount);
    if (amount === null) {
      problems.push({ line, message: `金额 "${rawAmount}" is not an amount (expected digits with up to two decimals, like 5000.00)` });
      return;
    }
    const description = cell(cells, col.description);
    const kind = cell(cells, col.category) === ALIPAY_CREDIT_CATEGORY ? classifyCreditRow(description) : null;
    if (kind === null) {
      activity.set(day, (activity.get(day) ?? 0) + 1);
      summary.recognised.activityRows++;
      return;
    }
    const id = cell(cells, col.orderNo);
    if (id === "" || id === "/") {
      problems.push({ line, message: "交易订单号 is empty; a draw or repayment needs it as its id" });
      return;
    }
    if (/^\d+(\.\d+)?E\+\d+$/i.test(id)) {
      problems.push({ line, message: `交易订单号 "${id}" was rounded by a spreadsheet; export the bill again and import it without opening it in Excel` });
      return;
    }
    const counterparty = cell(cells, col.counterparty);
    const isMain = mainWords.some((w) => counterparty.includes(w) || description.includes(w));
    const lender = isMain || counterparty === "" || counterparty === "/" ? undefined : counterparty;
    const candidate = { id, type: kind, date: day, amount, source: ALIPAY_SOURCE, ...(lender ? { lender } : {}) };
    const key = JSON.stringify(candidate);
    const seen = byOrderNo.get(id);
    if (seen) {
      if (seen.key === key) summary.skipped.push({ line, reason: "duplicate 交易订单号" });
      else problems.push({ line, message: `交易订单号 ${id} already used on line ${seen.line} for a different row` });
      return;
    }
    const event = checkEvent(candidate, line, problems);
    if (!event) return;
    byOrderNo.set(id, { line, key });
    events.push(event);
    summary.recognised[kind]++;
  };
  const parsed = eachCsvRow(text.slice(found.header.offset), onRow, { delimiter: ",", firstLine: headerLine });
  for (const e of parsed.errors) problems.push(e);

  for (const [day, count] of activity) {
    const event = checkEvent({ id: `alipay-activity-${day}`, type: "activity", date: day, count, source: ALIPAY_SOURCE }, null, problems);
    if (event) events.push(event);
  }
  summary.recognised.activityDays = activity.size;
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : TYPE_ORDER[a.type]! - TYPE_ORDER[b.type]! || (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0)));
  summary.skippedByReason = countByReason(summary.skipped);
  summary.dateRange = dayRange(events.map((e) => e.date));
  if (summary.rowsTotal === 0 && problems.length === 0) {
    problems.push({ line: headerLine, message: "the Alipay bill has a header but no transaction rows" });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)); // stable: file order within a line
  return { ok: problems.length === 0, events, summary, problems };
}
