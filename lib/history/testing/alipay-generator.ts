/**
 * Synthetic Alipay bill exports for tests and benchmarks (the import bench into PostgreSQL
 * reuses it). Deterministic for a given seed, so counts can be asserted exactly. Made-up data.
 */
import iconv from "iconv-lite";
import { prng } from "@/lib/prng";

export type AlipayRowFields = {
  time: string;
  category: string;
  counterparty: string;
  account: string;
  description: string;
  direction: string;
  amount: string;
  payment: string;
  status: string;
  orderNo: string;
  merchantOrderNo: string;
  remark: string;
};

type Field = keyof AlipayRowFields;
const CURRENT: [string, Field][] = [
  ["交易时间", "time"], ["交易分类", "category"], ["交易对方", "counterparty"], ["对方账号", "account"],
  ["商品说明", "description"], ["收/支", "direction"], ["金额", "amount"], ["收/付款方式", "payment"],
  ["交易状态", "status"], ["交易订单号", "orderNo"], ["商家订单号", "merchantOrderNo"], ["备注", "remark"],
];
const ORDER_2021: [string, Field][] = [
  ["收/支", "direction"], ["交易对方", "counterparty"], ["对方账号", "account"], ["商品说明", "description"],
  ["收/付款方式", "payment"], ["金额", "amount"], ["交易状态", "status"], ["交易分类", "category"],
  ["交易订单号", "orderNo"], ["商家订单号", "merchantOrderNo"], ["交易时间", "time"],
];

export const ALIPAY_PREAMBLE = [
  "------------------------------------------------------------------------------------",
  "导出信息：",
  "姓名：张三",
  "支付宝账户：zhang***@example.com",
  "起始时间：[2025-01-01 00:00:00]    终止时间：[2025-03-31 23:59:59]",
  "导出交易类型：[全部]",
  "导出时间：[2025-04-01 10:12:45]",
  "共N笔记录",
  "",
  "特别提示：",
  "1.本回单为合成示例数据。",
  "------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------",
];

export type RenderOptions = {
  layout?: "current" | "2021";
  encoding?: "gbk" | "utf-8" | "utf-8-bom";
  /** Lines before the header; default ALIPAY_PREAMBLE. */
  preamble?: readonly string[];
  /** Pad cells with spaces as the 2021 export did (order numbers always get a trailing tab). */
  padCells?: boolean;
};

/** Writes rows as an Alipay bill file, in either column order and encoding. */
export function renderAlipayBill(rows: readonly AlipayRowFields[], options: RenderOptions = {}): Buffer {
  const layout = options.layout === "2021" ? ORDER_2021 : CURRENT;
  const trailing = options.layout === "2021" ? "" : ","; // the current export ends each line with a comma
  const pad = options.padCells ? (s: string) => `${s}    ` : (s: string) => s;
  const lines = [...(options.preamble ?? ALIPAY_PREAMBLE), layout.map(([h]) => h).join(",") + trailing];
  for (const row of rows) {
    lines.push(layout.map(([, f]) => (f === "orderNo" || f === "merchantOrderNo" ? `${row[f]}\t` : pad(row[f]))).join(",") + trailing);
  }
  const text = lines.join("\r\n") + "\r\n";
  if (options.encoding === "utf-8") return Buffer.from(text, "utf8");
  if (options.encoding === "utf-8-bom") return Buffer.from("\ufeff" + text, "utf8");
  return iconv.encode(text, "gbk");
}

export type GeneratedBill = {
  rows: AlipayRowFields[];
  /** What a correct importer must report for these rows. */
  expected: { rowsTotal: number; borrow: number; repayment: number; activityRows: number; activityDays: number; skipped: number };
};

const SHOPS: [string, string, string][] = [
  ["餐饮美食", "某某餐厅", "午餐"], ["日用百货", "某某超市", "日用品"], ["交通出行", "某某出行", "打车"],
  ["充值缴费", "国家电网", "电费"], ["转账红包", "李四", "转账"],
];

/**
 * `rows` transactions over `days` consecutive days from 2024-01-01: ~4% Jiebei draws, ~4%
 * repayments, ~3% closed (skipped), the rest ordinary activity. Newest first, as Alipay lists them.
 */
export function generateAlipayRows(rows: number, options: { seed?: number; days?: number } = {}): GeneratedBill {
  const rand = prng(options.seed ?? 42);
  const days = options.days ?? 730;
  const start = Date.UTC(2024, 0, 1);
  const out: AlipayRowFields[] = [];
  const expected = { rowsTotal: rows, borrow: 0, repayment: 0, activityRows: 0, activityDays: 0, skipped: 0 };
  const activeDays = new Set<number>();
  for (let i = 0; i < rows; i++) {
    const dayIndex = Math.floor((i * days) / rows); // spread evenly so every day has rows
    const t = new Date(start + dayIndex * 86_400_000 + Math.floor(rand() * 86_400) * 1000);
    const time = t.toISOString().slice(0, 19).replace("T", " ");
    const orderNo = `${time.slice(0, 10).replaceAll("-", "")}2200${String(i).padStart(16, "0")}`;
    const r = rand();
    const base = { time, account: "/", payment: "余额宝", status: "交易成功", orderNo, merchantOrderNo: "/", remark: "" };
    if (r < 0.08) {
      const borrow = r < 0.04;
      out.push({ ...base, category: "信用借还", counterparty: "蚂蚁借呗", description: borrow ? "借呗借款" : "借呗还款-本金",
        direction: "不计收支", amount: `${100 * (1 + Math.floor(rand() * 100))}.00` });
      expected[borrow ? "borrow" : "repayment"]++;
    } else {
      const [category, counterparty, description] = SHOPS[Math.floor(rand() * SHOPS.length)]!;
      const closed = r > 0.97;
      out.push({ ...base, category, counterparty, description, direction: "支出",
        amount: (Math.floor(rand() * 100000) / 100).toFixed(2), status: closed ? "交易关闭" : "交易成功" });
      if (closed) expected.skipped++;
      else {
        expected.activityRows++;
        activeDays.add(dayIndex);
      }
    }
  }
  expected.activityDays = activeDays.size;
  out.reverse();
  return { rows: out, expected };
}

/** A whole generated export file: `generateAlipayRows` rendered with `renderAlipayBill`. */
export function generateAlipayBill(rows: number, options: RenderOptions & { seed?: number; days?: number } = {}): GeneratedBill & { bytes: Buffer } {
  const bill = generateAlipayRows(rows, options);
  return { ...bill, bytes: renderAlipayBill(bill.rows, options) };
}
