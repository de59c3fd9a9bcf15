/**
 * The JD bill (京东账单, spec: shared/spec/more-bills.md). Payments by 白条 are draws on Baitiao;
 * 白条 and 金条 repayments are repayments with their lender; 金条 draws are borrowings; other
 * rows are counted, not stored.
 */
import { localDay } from "../cell-values";
import { billAmount, cellOf, indexColumns, isRoundedNumber } from "./columns";
import { isProduct } from "./products";
import type { BillImporter } from "./types";

const COLUMNS = {
  time: "交易时间",
  merchant: "商户名称",
  description: "交易说明",
  amount: "金额",
  method: "收/付款方式",
  status: "交易状态",
  direction: "收/支",
  category: "交易分类",
  orderNo: "交易订单号",
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ["time", "merchant", "description", "amount", "method", "status", "orderNo"];

export const BAITIAO = "Baitiao";
export const JINTIAO = "Jintiao";

export const jdImporter: BillImporter<Column> = {
  id: "jd",
  name: { zh: "京东账单", en: "JD bill" },
  howToExport: {
    zh: "请在京东或京东金融的账单页面导出交易明细（CSV），原样上传。",
    en: "Export the transaction list (CSV) from the bill page of the JD or JD Finance app and upload it as it is.",
  },
  passwordFrom: {
    zh: "解压密码见京东发给您的邮件或短信。",
    en: "The password comes with JD's e-mail or text message.",
  },
  zipEntryName: /京东|(^|[^a-z])jd[^a-z]/i,
  matchHeader: (cells) => indexColumns(cells, COLUMNS, REQUIRED),
  looksLike: (sniff) => sniff.includes("京东账号名") || sniff.includes("京东"),
  readRows(table, header, c, ctx) {
    const col = header.index;
    const own = (name: string) => isProduct(ctx.product, name);
    const notAboutCredit = c.say("not about your credit line", "与您的信用额度无关");
    const errors = table.rowsAfter(header.line, (line, cells) => {
      if (cells.filter((x) => x.trim() !== "").length <= 1) return;
      c.row();
      const status = cellOf(cells, col.status);
      if (status !== "交易成功") return c.skip(line, c.say(`交易状态 ${status || "(empty)"}`, `交易状态为${status || "（空）"}`));
      const rawTime = cellOf(cells, col.time);
      const day = localDay(rawTime);
      if (day === null) return c.problem(line, c.say(`交易时间 "${rawTime}" is not a date`, `交易时间“${rawTime}”不是日期`));
      const words = `${cellOf(cells, col.merchant)} ${cellOf(cells, col.description)} ${cellOf(cells, col.category)}`;
      const method = cellOf(cells, col.method);
      const direction = cellOf(cells, col.direction);

      let kind: "borrow" | "repayment" | null = null;
      let line_: string | null = null;
      if (words.includes("金条")) {
        kind = /还款/.test(words) ? "repayment" : /借款|放款/.test(words) ? "borrow" : null;
        if (kind === null) return c.skip(line, c.say("金条 row not understood (neither a draw nor a repayment)", "无法识别的金条记录（既非借款也非还款）"));
        line_ = JINTIAO;
      } else if (words.includes("白条") && /还款/.test(words)) {
        kind = "repayment";
        line_ = BAITIAO;
      } else if (method.includes("白条") && direction !== "收入") {
        kind = "borrow"; // paid with 白条: a draw on the pay-later line
        line_ = BAITIAO;
      }
      if (kind === null || line_ === null) return c.skip(line, notAboutCredit);
      const rawAmount = cellOf(cells, col.amount);
      const amount = billAmount(rawAmount);
      if (amount === null) return c.problem(line, c.say(`金额 "${rawAmount}" is not an amount (like 28.16)`, `金额“${rawAmount}”不是金额（应如 28.16）`));
      const id = cellOf(cells, col.orderNo);
      if (id === "" || id === "/") return c.problem(line, c.say("交易订单号 is empty; a draw or repayment needs it as its id", "交易订单号为空，借款或还款需要它作为编号"));
      if (isRoundedNumber(id)) return c.problem(line, c.say(`交易订单号 "${id}" was rounded by a spreadsheet; export the bill again`, `交易订单号“${id}”已被表格软件改写成科学计数法；请重新导出账单`));
      const lender = own(line_) ? undefined : line_;
      c.flow(line, { id, type: kind, date: day, amount, ...(lender ? { lender } : {}) }, c.say("duplicate 交易订单号", "重复的交易订单号"));
    });
    for (const e of errors) c.problem(e.line, e.message);
  },
};
