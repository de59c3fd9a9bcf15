/**
 * Synthetic WeChat Pay and JD bills (layouts from shared/spec/more-bills.md) for tests, the e2e
 * run and the bench. Deterministic per seed, with the counts a correct importer must report.
 * Made-up data, no real person's.
 */
import { prng } from "@/lib/prng";

export const WECHAT_HEADER = ["交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式", "当前状态", "交易单号", "商户单号", "备注"];

export const WECHAT_PREAMBLE = [
  "微信支付账单明细",
  "微信昵称：[示例用户]",
  "起始时间：[2025-01-01 00:00:00] 终止时间：[2025-03-31 23:59:59]",
  "导出类型：[全部]",
  "导出时间：[2025-04-01 10:00:00]",
  "",
  "共N笔记录",
  "收入：2笔 100.00元",
  "支出：10笔 500.00元",
  "中性交易：1笔 10.00元",
  "注：",
  "1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易",
  "2. 本明细仅展示当前账单中的交易，不包括已删除的记录",
  "3. 本明细仅供个人对账使用",
  "",
  "----------------------微信支付账单明细列表--------------------",
];

export type WechatRow = { time: string; type: string; counterparty: string; goods: string; direction: string; amount: string; method: string; status: string; orderNo: string; merchantNo: string; remark: string };

export const JD_HEADER = ["交易时间", "商户名称", "交易说明", "金额", "收/付款方式", "交易状态", "收/支", "交易分类", "交易订单号", "商家订单号", "备注"];

export const JD_PREAMBLE = [
  "导出信息：",
  "京东账号名：示例用户",
  "申请时间：2025-04-01 10:00:00",
  "日期区间：2025-01-01 至 2025-03-31",
  "导出交易类型：全部",
  "共：N笔记录",
  "收入：1笔 100.00元",
  "支出：10笔 500.00元",
  "不计收支：1笔 0.00元",
  "",
  "特别提示：",
  "1. 本明细仅展示当前账户的交易记录",
  "2. 本明细为合成示例数据",
  "3. 如有疑问请联系客服",
  "4. 示例",
  "5. 示例",
  "6. 示例",
  "7. 示例",
  "8. 示例",
  "9. 示例",
  "",
];

export type JdRow = { time: string; merchant: string; description: string; amount: string; method: string; status: string; direction: string; category: string; orderNo: string; merchantNo: string; remark: string };

export type Expected = { rowsTotal: number; borrow: number; repayment: number; mergedRows: number; activityDays: number; skipped: number; lenders: string[] };

const dayTime = (start: number, dayIndex: number, rand: () => number) =>
  new Date(start + dayIndex * 86_400_000 + Math.floor(rand() * 86_400) * 1000).toISOString().slice(0, 19).replace("T", " ");

/**
 * `rows` WeChat Pay transactions: ~3% credit card repayments (招商银行, 中国银行), ~2% 微粒贷 draws,
 * ~2% 微粒贷 repayments, ~3% refunded, the rest ordinary payments. `product` decides what a correct
 * importer makes of ordinary payments (activity for Weilidai, skipped otherwise).
 */
export function generateWechatRows(rows: number, options: { seed?: number; days?: number; product?: string } = {}): { rows: WechatRow[]; expected: Expected } {
  const rand = prng(options.seed ?? 11);
  const days = options.days ?? 365;
  const start = Date.UTC(2024, 0, 1);
  const weilidaiIsMain = (options.product ?? "Jiebei").toLowerCase() === "weilidai";
  const out: WechatRow[] = [];
  const e: Expected = { rowsTotal: rows, borrow: 0, repayment: 0, mergedRows: 0, activityDays: 0, skipped: 0, lenders: [] };
  const lenders = new Set<string>();
  const active = new Set<number>();
  for (let i = 0; i < rows; i++) {
    const dayIndex = Math.floor((i * days) / rows);
    const time = dayTime(start, dayIndex, rand);
    const orderNo = `4200${String(i).padStart(24, "0")}\t`;
    const base = { time, orderNo, merchantNo: `M${i}\t`, remark: "/" };
    const amount = `¥${(1 + Math.floor(rand() * 50000) / 100).toFixed(2)}`;
    const r = rand();
    if (r < 0.03) {
      const bank = r < 0.015 ? "招商银行" : "中国银行";
      out.push({ ...base, type: "信用卡还款", counterparty: `${bank}信用卡`, goods: "信用卡还款", direction: "/", amount, method: "零钱", status: "支付成功" });
      e.repayment++;
      lenders.add(bank);
    } else if (r < 0.05) {
      out.push({ ...base, type: "其他", counterparty: "微粒贷", goods: "微粒贷借款", direction: "收入", amount, method: "/", status: "已存入零钱" });
      e.borrow++;
      if (!weilidaiIsMain) lenders.add("Weilidai");
    } else if (r < 0.07) {
      out.push({ ...base, type: "其他", counterparty: "微粒贷", goods: "微粒贷还款", direction: "支出", amount, method: "零钱", status: "支付成功" });
      e.repayment++;
      if (!weilidaiIsMain) lenders.add("Weilidai");
    } else if (r < 0.1) {
      out.push({ ...base, type: "商户消费", counterparty: "某某超市", goods: "日用品", direction: "支出", amount, method: "零钱", status: "已全额退款" });
      e.skipped++;
    } else {
      const [type, counterparty, goods] = r < 0.5 ? ["商户消费", "某某餐厅", "午餐"] : r < 0.8 ? ["扫二维码付款", "某某便利店", "\"饮料\"，小票"] : ["转账", "李四", "转账备注\t含制表符"];
      out.push({ ...base, type: type!, counterparty: counterparty!, goods: goods!, direction: "支出", amount, method: "零钱", status: "支付成功" });
      if (weilidaiIsMain) {
        e.mergedRows++;
        active.add(dayIndex);
      } else e.skipped++;
    }
  }
  e.activityDays = active.size;
  e.lenders = [...lenders].sort();
  out.reverse(); // newest first, as WeChat lists them
  return { rows: out, expected: e };
}

/** `rows` JD transactions: ~5% paid with 白条, ~2% 白条 repayments, ~2% 金条 draws and repayments, ~3% refunded. */
export function generateJdRows(rows: number, options: { seed?: number; days?: number } = {}): { rows: JdRow[]; expected: Expected } {
  const rand = prng(options.seed ?? 13);
  const days = options.days ?? 365;
  const start = Date.UTC(2024, 0, 1);
  const out: JdRow[] = [];
  const e: Expected = { rowsTotal: rows, borrow: 0, repayment: 0, mergedRows: 0, activityDays: 0, skipped: 0, lenders: [] };
  const lenders = new Set<string>();
  for (let i = 0; i < rows; i++) {
    const time = dayTime(start, Math.floor((i * days) / rows), rand);
    const base = { time, status: "交易成功", orderNo: `${300000000 + i}\t`, merchantNo: `${900000 + i}\t`, remark: "\t" };
    const amount = (1 + Math.floor(rand() * 50000) / 100).toFixed(2);
    const r = rand();
    if (r < 0.05) {
      out.push({ ...base, merchant: "京东商城", description: "购物", amount, method: "白条", direction: "支出", category: "数码" });
      e.borrow++;
      lenders.add("Baitiao");
    } else if (r < 0.07) {
      out.push({ ...base, merchant: "京东白条", description: "白条还款", amount, method: "招商银行储蓄卡", direction: "不计收支", category: "还款" });
      e.repayment++;
      lenders.add("Baitiao");
    } else if (r < 0.08) {
      out.push({ ...base, merchant: "京东金融", description: "金条借款", amount, method: "/", direction: "不计收支", category: "借款" });
      e.borrow++;
      lenders.add("Jintiao");
    } else if (r < 0.09) {
      out.push({ ...base, merchant: "京东金融", description: "金条还款", amount, method: "招商银行储蓄卡", direction: "不计收支", category: "还款" });
      e.repayment++;
      lenders.add("Jintiao");
    } else if (r < 0.12) {
      out.push({ ...base, merchant: "京东商城", description: "退款", amount, method: "白条", direction: "收入", category: "数码", status: "退款成功" });
      e.skipped++;
    } else {
      out.push({ ...base, merchant: "京东商城", description: "购物", amount, method: "招商银行储蓄卡", direction: "支出", category: "日用" });
      e.skipped++;
    }
  }
  e.lenders = [...lenders].sort();
  out.reverse();
  return { rows: out, expected: e };
}
