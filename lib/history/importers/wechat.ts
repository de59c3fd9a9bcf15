/**
 * The WeChat Pay bill (微信支付账单, spec: shared/spec/more-bills.md), CSV or XLSX. 信用卡还款 rows
 * are repayments to the bank named; 微粒贷 rows are draws or repayments on Weilidai; ordinary
 * payments are activity only when the history's product is Weilidai.
 */
import { localDay } from "../cell-values";
import { billAmount, cellOf, indexColumns, isRoundedNumber } from "./columns";
import { bankIn, isProduct } from "./products";
import type { BillImporter } from "./types";

const COLUMNS = {
  time: "交易时间",
  type: "交易类型",
  counterparty: "交易对方",
  goods: "商品",
  direction: "收/支",
  amount: "金额(元)",
  method: "支付方式",
  status: "当前状态",
  orderNo: "交易单号",
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ["time", "type", "counterparty", "amount", "status", "orderNo"];

export const WEILIDAI = "Weilidai";
/** The card's issuer when a 信用卡还款 row names no bank. */
export const UNNAMED_CARD = "信用卡";

/** Refunded, failed or closed: the money did not move (当前状态 已全额退款, 对方已退还, …). */
function didNotMove(status: string): boolean {
  return /退|失败|关闭|撤销/.test(status);
}

export const wechatImporter: BillImporter<Column> = {
  id: "wechat",
  name: { zh: "微信支付账单", en: "WeChat Pay bill" },
  howToExport: {
    zh: "请在微信中申请：我 → 服务 → 钱包 → 账单 → 下载账单 → 用于个人对账",
    en: "Request it in WeChat: Me → Services → Wallet → Bills → Download bill → for personal reconciliation (我 → 服务 → 钱包 → 账单 → 下载账单 → 用于个人对账)",
  },
  passwordFrom: {
    zh: "解压密码由微信支付发给您（在微信的“微信支付”消息中）。",
    en: "The password was sent to you in WeChat (in the WeChat Pay messages).",
  },
  zipEntryName: /微信|wechat|weixin/i,
  matchHeader: (cells) => indexColumns(cells, COLUMNS, REQUIRED),
  looksLike: (sniff) => sniff.includes("微信支付账单") || sniff.includes("微信昵称"),
  readRows(table, header, c, ctx) {
    const col = header.index;
    const ownProduct = isProduct(ctx.product, WEILIDAI);
    const notAboutCredit = c.say("not about your credit line", "与您的信用额度无关");
    const errors = table.rowsAfter(header.line, (line, cells) => {
      if (cells.filter((x) => x.trim() !== "").length <= 1) return;
      c.row();
      const status = cellOf(cells, col.status);
      if (didNotMove(status)) return c.skip(line, c.say(`当前状态 ${status}`, `当前状态为${status}`));
      const rawTime = cellOf(cells, col.time);
      const day = localDay(rawTime);
      if (day === null) return c.problem(line, c.say(`交易时间 "${rawTime}" is not a date`, `交易时间“${rawTime}”不是日期`));
      const type = cellOf(cells, col.type);
      const counterparty = cellOf(cells, col.counterparty);
      const goods = cellOf(cells, col.goods);
      const method = cellOf(cells, col.method);
      const words = `${type} ${counterparty} ${goods}`;

      let kind: "borrow" | "repayment" | null = null;
      let lender: string | undefined;
      if (words.includes("微粒贷")) {
        kind = /还款/.test(words) ? "repayment" : /借款|放款/.test(words) ? "borrow" : null;
        if (kind === null) return c.skip(line, c.say("微粒贷 row not understood (neither a draw nor a repayment)", "无法识别的微粒贷记录（既非借款也非还款）"));
        lender = ownProduct ? undefined : WEILIDAI;
      } else if (type.includes("信用卡还款") || goods.includes("信用卡还款")) {
        kind = "repayment";
        lender = bankIn(counterparty) ?? bankIn(goods) ?? bankIn(method) ?? UNNAMED_CARD;
      }
      if (kind === null) {
        if (ownProduct) return c.activityOn(day);
        return c.skip(line, notAboutCredit);
      }
      const rawAmount = cellOf(cells, col.amount);
      const amount = billAmount(rawAmount);
      if (amount === null) return c.problem(line, c.say(`金额(元) "${rawAmount}" is not an amount (like ¥28.16)`, `金额(元)“${rawAmount}”不是金额（应如 ¥28.16）`));
      const id = cellOf(cells, col.orderNo);
      if (id === "" || id === "/") return c.problem(line, c.say("交易单号 is empty; a draw or repayment needs it as its id", "交易单号为空，借款或还款需要它作为编号"));
      if (isRoundedNumber(id)) {
        return c.problem(line, c.say(`交易单号 "${id}" was rounded by a spreadsheet; download the bill again and import it without re-saving it`, `交易单号“${id}”已被表格软件改写成科学计数法；请重新下载账单，不要另存后再导入`));
      }
      c.flow(line, { id, type: kind, date: day, amount, ...(lender ? { lender } : {}) }, c.say("duplicate 交易单号", "重复的交易单号"));
    });
    for (const e of errors) c.problem(e.line, e.message);
  },
};
