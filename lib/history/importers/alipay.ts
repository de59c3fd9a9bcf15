/**
 * The Alipay bill (支付宝账单, spec: shared/spec/alipay-bill.md) on the importer registry.
 * 信用借还 rows are draws and repayments (order number = id); every other successful row is
 * activity on its day; rows not 交易成功 are skipped.
 */
import { localDay, parseStrictAmount } from "../cell-values";
import { ALIPAY_COLUMNS, ALIPAY_CREDIT_CATEGORY, ALIPAY_SUCCESS, type AlipayColumn } from "../alipay-layout";
import { mainProductWords } from "./products";
import type { BillImporter } from "./types";

const REQUIRED: readonly AlipayColumn[] = ["time", "category", "description", "amount", "status", "orderNo"];

/** What a 信用借还 row's description says. Repayment wins: "借款还款" is paying a loan back. */
export function classifyCreditRow(description: string): "borrow" | "repayment" | null {
  if (description.includes("还款")) return "repayment";
  if (description.includes("借款") || description.includes("放款")) return "borrow";
  return null;
}

const HOW: { zh: string; en: string } = {
  zh: "请在支付宝中导出：我的 → 账单 → … → 开具交易流水证明 → 用于个人对账",
  en: "Export it in the Alipay app: Me → Bills → … → Transaction statement → for personal reconciliation (我的 → 账单 → … → 开具交易流水证明 → 用于个人对账)",
};

/** `金额（元）`/`金额(元)` are read as `金额`. */
const unit = (c: string) => c.replace(/[（(]元[）)]$/, "");

export const alipayImporter: BillImporter<AlipayColumn> = {
  id: "alipay",
  name: { zh: "支付宝账单", en: "Alipay bill" },
  howToExport: HOW,
  passwordFrom: {
    zh: "解压密码是支付宝发给您的 6 位数字（在支付宝的消息中）。",
    en: "The password is the 6-digit code Alipay sent you (in the Alipay app's messages).",
  },
  zipEntryName: /alipay|支付宝/i,
  matchHeader(cells) {
    const norm = cells.map(unit);
    const index = {} as Record<AlipayColumn, number>;
    for (const key of Object.keys(ALIPAY_COLUMNS) as AlipayColumn[]) index[key] = norm.indexOf(ALIPAY_COLUMNS[key]);
    return REQUIRED.every((k) => index[k] !== -1) ? index : null;
  },
  looksLike: (sniff) => sniff.includes("支付宝") || sniff.includes("交易分类"),
  refuse(table, lang) {
    for (const { cells } of table.head) {
      const line = cells.join(",");
      // The PC export: titled 支付宝交易记录明细查询, header 交易号,商户订单号,交易创建时间,… with no 交易分类.
      if (line.includes("支付宝交易记录明细查询") || (cells.includes("交易号") && cells.includes("交易创建时间"))) {
        return lang === "zh"
          ? `这是旧版支付宝电脑端导出（支付宝交易记录明细查询），缺少识别借呗借款和还款所需的“交易分类”列。${HOW.zh}`
          : `This is the old Alipay PC export (支付宝交易记录明细查询), which lacks the 交易分类 column needed to find Jiebei draws and repayments. ${HOW.en}`;
      }
    }
    return null;
  },
  readRows(table, header, c, ctx) {
    const col = header.index;
    const mainWords = mainProductWords(ctx.product);
    const cell = (cells: string[], i: number) => (i < 0 ? "" : (cells[i] ?? "").trim());
    const errors = table.rowsAfter(header.line, (line, cells) => {
      // Separator or summary lines after the data ("------", "共N笔记录") hold a single cell.
      let filled = 0;
      for (const x of cells) if (x.trim() !== "") filled++;
      if (filled <= 1) return;
      c.row();
      const status = cell(cells, col.status);
      if (status !== ALIPAY_SUCCESS) return c.skip(line, c.say(`交易状态 ${status || "(empty)"}`, `交易状态为${status || "（空）"}`));
      const rawTime = cell(cells, col.time);
      const day = localDay(rawTime);
      if (day === null) return c.problem(line, c.say(`交易时间 "${rawTime}" is not a date`, `交易时间“${rawTime}”不是日期`));
      const rawAmount = cell(cells, col.amount);
      const amount = parseStrictAmount(rawAmount);
      if (amount === null) {
        return c.problem(line, c.say(`金额 "${rawAmount}" is not an amount (expected digits with up to two decimals, like 5000.00)`, `金额“${rawAmount}”不是金额（应为最多两位小数的数字，如 5000.00）`));
      }
      const description = cell(cells, col.description);
      const kind = cell(cells, col.category) === ALIPAY_CREDIT_CATEGORY ? classifyCreditRow(description) : null;
      if (kind === null) return c.activityOn(day);
      const id = cell(cells, col.orderNo);
      if (id === "" || id === "/") return c.problem(line, c.say("交易订单号 is empty; a draw or repayment needs it as its id", "交易订单号为空，借款或还款需要它作为编号"));
      if (/^\d+(\.\d+)?E\+\d+$/i.test(id)) {
        return c.problem(line, c.say(
          `交易订单号 "${id}" was rounded by a spreadsheet; export the bill again and import it without opening it in Excel`,
          `交易订单号“${id}”已被表格软件改写成科学计数法；请重新导出账单，不要用表格软件打开后再导入`,
        ));
      }
      const counterparty = cell(cells, col.counterparty);
      const isMain = mainWords.some((w) => counterparty.includes(w) || description.includes(w));
      const lender = isMain || counterparty === "" || counterparty === "/" ? undefined : counterparty;
      c.flow(line, { id, type: kind, date: day, amount, ...(lender ? { lender } : {}) }, c.say("duplicate 交易订单号", "重复的交易订单号"));
    });
    for (const e of errors) c.problem(e.line, e.message);
  },
};
