/**
 * Recognising an Alipay bill export (spec: shared/spec/alipay-bill.md) by content: which line is
 * the header, which column holds what, and whether it is the old PC export we refuse.
 */

/** Header names of the columns the importer reads, keyed by what they mean. */
export const ALIPAY_COLUMNS = {
  time: "交易时间",
  category: "交易分类",
  counterparty: "交易对方",
  description: "商品说明",
  direction: "收/支",
  amount: "金额",
  status: "交易状态",
  orderNo: "交易订单号",
} as const;
export type AlipayColumn = keyof typeof ALIPAY_COLUMNS;

/** Without these a row cannot be classified; `交易对方` and `收/支` are only informative. */
const REQUIRED: readonly AlipayColumn[] = ["time", "category", "description", "amount", "status", "orderNo"];

export const ALIPAY_CREDIT_CATEGORY = "信用借还";
export const ALIPAY_SUCCESS = "交易成功";

export const RIGHT_EXPORT_HINT =
  "请在支付宝 App 中导出：我的 → 账单 → … → 开具交易流水证明 → 用于个人对账 " +
  "(Alipay app: Me → Bills → … → Transaction statement → for personal reconciliation)";

export const OLD_PC_EXPORT_MESSAGE =
  "This is the old Alipay PC export (支付宝交易记录明细查询), which lacks the 交易分类 column needed to " +
  `find Jiebei draws and repayments. ${RIGHT_EXPORT_HINT}`;

export const NO_HEADER_MESSAGE =
  "No Alipay bill header found (expected a line with 交易时间, 交易分类, 商品说明, 金额, 交易状态, 交易订单号). " +
  `Is this the Alipay bill export? ${RIGHT_EXPORT_HINT}`;

/** The preamble is ~24 lines; a header further down than this is not an Alipay bill. */
const MAX_HEADER_LINE = 200;

export type AlipayHeader = {
  /** 1-based line of the header row. */
  line: number;
  /** Character offset of the header row in the decoded text. */
  offset: number;
  /** Cell index of each column; -1 when an optional column is missing. */
  index: Record<AlipayColumn, number>;
  /** "current" when 交易时间 comes first (2022+ export), "2021" for the older column order. */
  layout: "current" | "2021";
};

export type HeaderSearch = { ok: true; header: AlipayHeader } | { ok: false; message: string };

/**
 * Header cell → column name: padding and quotes dropped (LibreOffice can quote every text
 * cell on re-save), `金额（元）`/`金额(元)` read as `金额`.
 */
function normaliseHeaderCell(cell: string): string {
  return cell.trim().replace(/^"(.*)"$/, "$1").trim().replace(/[（(]元[）)]$/, "");
}

/**
 * Finds the header row by content. Only the preamble lines are split here (on commas: the
 * header and preamble never hold quoted cells); the data rows are left to the CSV parser.
 */
export function findAlipayHeader(text: string): HeaderSearch {
  let offset = 0;
  for (let line = 1; line <= MAX_HEADER_LINE && offset < text.length; line++) {
    const end = text.indexOf("\n", offset);
    const raw = text.slice(offset, end === -1 ? text.length : end);
    if (raw.includes("支付宝交易记录明细查询")) return { ok: false, message: OLD_PC_EXPORT_MESSAGE };
    const cells = raw.split(",").map(normaliseHeaderCell);
    // The PC export's header: 交易号,商户订单号,交易创建时间,… with no 交易分类.
    if (cells.includes("交易号") && cells.includes("交易创建时间")) return { ok: false, message: OLD_PC_EXPORT_MESSAGE };
    const index = {} as Record<AlipayColumn, number>;
    for (const key of Object.keys(ALIPAY_COLUMNS) as AlipayColumn[]) index[key] = cells.indexOf(ALIPAY_COLUMNS[key]);
    if (REQUIRED.every((k) => index[k] !== -1)) {
      return { ok: true, header: { line, offset, index, layout: index.time === 0 ? "current" : "2021" } };
    }
    if (end === -1) break;
    offset = end + 1;
  }
  return { ok: false, message: NO_HEADER_MESSAGE };
}
