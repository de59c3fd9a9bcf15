import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAlipayBill } from "./alipay";
import { historyEvent } from "./schema";
import { formatProblem } from "./import-result";
import { ALIPAY_PREAMBLE, generateAlipayBill, renderAlipayBill, type AlipayRowFields } from "./testing/alipay-generator";

const FIXTURE = readFileSync("/work/shared/fixtures/alipay-bill-sample.csv");
const fixtureText = iconv.decode(FIXTURE, "gbk");

/** The fixture's data rows as fields, read by position of the fixture's own (current) header. */
function fixtureRows(): AlipayRowFields[] {
  const lines = fixtureText.split("\r\n");
  const header = lines.findIndex((l) => l.startsWith("交易时间,"));
  return lines.slice(header + 1).filter((l) => l.trim()).map((l) => {
    const c = l.split(",").map((s) => s.trim());
    return { time: c[0]!, category: c[1]!, counterparty: c[2]!, account: c[3]!, description: c[4]!, direction: c[5]!,
      amount: c[6]!, payment: c[7]!, status: c[8]!, orderNo: c[9]!, merchantOrderNo: c[10]!, remark: c[11]! };
  });
}

const src = { source: "import:alipay" };
const EXPECTED_EVENTS = [
  { id: "2025010522001100000000000001", type: "borrow", date: "2025-01-05", amount: 5000, ...src },
  { id: "alipay-activity-2025-01-06", type: "activity", date: "2025-01-06", count: 1, ...src },
  { id: "alipay-activity-2025-01-20", type: "activity", date: "2025-01-20", count: 1, ...src },
  { id: "2025020522001100000000000004", type: "repayment", date: "2025-02-05", amount: 5000, ...src },
  { id: "alipay-activity-2025-02-10", type: "activity", date: "2025-02-10", count: 1, ...src },
  { id: "2025021422001100000000000006", type: "borrow", date: "2025-02-14", amount: 6000, ...src },
  { id: "2025030122001100000000000008", type: "repayment", date: "2025-03-01", amount: 200, ...src },
  { id: "alipay-activity-2025-03-02", type: "activity", date: "2025-03-02", count: 1, ...src },
];

describe("parseAlipayBill on the shared GBK fixture", () => {
  const result = parseAlipayBill(FIXTURE);

  it("turns 借呗 draws and repayments into events keyed by 交易订单号 and other rows into daily activity", () => {
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.events).toEqual(EXPECTED_EVENTS);
  });

  it("summarises the import for the preview", () => {
    expect(result.summary).toMatchObject({
      rowsTotal: 9,
      recognised: { borrow: 2, repayment: 2, activityRows: 4, activityDays: 4 },
      // line 31 is the 交易关闭 taxi ride: header on line 24, data from line 25
      skipped: [{ line: 31, reason: "交易状态 交易关闭" }],
      skippedByReason: { "交易状态 交易关闭": 1 },
      dateRange: { from: "2025-01-05", to: "2025-03-02" },
      encoding: "gbk",
      layout: "current",
      headerLine: 24,
    });
  });

  it("gives identical events when re-saved as UTF-8 with or without BOM", () => {
    const bom = parseAlipayBill(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixtureText, "utf8")]));
    expect(bom.summary.encoding).toBe("utf-8-bom");
    expect(bom.events).toEqual(result.events);
    const plain = parseAlipayBill(new Uint8Array(Buffer.from(fixtureText, "utf8")));
    expect(plain.summary.encoding).toBe("utf-8");
    expect(plain.events).toEqual(result.events);
  });

  it("maps columns by name: the 2021 column order with padded cells gives identical events", () => {
    const old = parseAlipayBill(renderAlipayBill(fixtureRows(), { layout: "2021", padCells: true }));
    expect(old.summary.layout).toBe("2021");
    expect(old.problems).toEqual([]);
    expect(old.events).toEqual(result.events);
    expect(old.summary.recognised).toEqual(result.summary.recognised);
  });

  it("reads a re-saved file with every cell quoted", () => {
    const quoted = fixtureText.split("\r\n").map((l, i) => (i < 23 || !l ? l : l.split(",").map((c) => `"${c}"`).join(","))).join("\r\n");
    const r = parseAlipayBill(Buffer.from(quoted, "utf8"));
    expect(r.problems).toEqual([]);
    expect(r.events).toEqual(result.events);
  });

  it.each([0, 3, 40])("finds the header after %i preamble lines", (n) => {
    const preamble = Array.from({ length: n }, (_, i) => ALIPAY_PREAMBLE[i % ALIPAY_PREAMBLE.length]!);
    const r = parseAlipayBill(renderAlipayBill(fixtureRows(), { preamble }));
    expect(r.summary.headerLine).toBe(n + 1);
    expect(r.events).toEqual(result.events);
    expect(r.summary.skipped).toEqual([{ line: n + 8, reason: "交易状态 交易关闭" }]);
  });
});

const row = (over: Partial<AlipayRowFields>): AlipayRowFields => ({
  time: "2025-05-01 10:00:00", category: "餐饮美食", counterparty: "某某餐厅", account: "/", description: "午餐",
  direction: "支出", amount: "12.00", payment: "余额宝", status: "交易成功", orderNo: "2025050122000000000000000001",
  merchantOrderNo: "/", remark: "", ...over,
});
const bill = (rows: AlipayRowFields[]) => renderAlipayBill(rows, { preamble: ["导出信息："] }); // header on line 2

describe("parseAlipayBill on bad or unusual files", () => {
  it("refuses the old PC export and names the right export", () => {
    const pc = iconv.encode("支付宝交易记录明细查询\r\n账号:[x]\r\n交易号,商户订单号,交易创建时间,付款时间,金额（元）,交易状态\r\n", "gbk");
    const r = parseAlipayBill(pc);
    expect(r.ok).toBe(false);
    expect(r.events).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toContain("支付宝交易记录明细查询");
    expect(r.problems[0]!.message).toContain("开具交易流水证明 → 用于个人对账");
    // Recognised by its header too, when the title line was cut off.
    const headerOnly = parseAlipayBill(iconv.encode("交易号,商户订单号,交易创建时间,金额（元）\r\n1,2,3,4\r\n", "gbk"));
    expect(headerOnly.problems[0]!.message).toContain("用于个人对账");
  });

  it("reports a file without a recognisable header", () => {
    const r = parseAlipayBill(Buffer.from("date,amount\n2025-01-01,5\n"));
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.line).toBeNull();
    expect(r.problems[0]!.message).toMatch(/No Alipay bill header found/);
  });

  it("skips rows that are not 交易成功 and counts them by reason", () => {
    const r = parseAlipayBill(bill([row({ status: "退款成功" }), row({ status: "交易关闭", orderNo: "x2" }), row({ status: "交易关闭", orderNo: "x3" })]));
    expect(r.summary.skipped).toEqual([
      { line: 3, reason: "交易状态 退款成功" },
      { line: 4, reason: "交易状态 交易关闭" },
      { line: 5, reason: "交易状态 交易关闭" },
    ]);
    expect(r.summary.skippedByReason).toEqual({ "交易状态 退款成功": 1, "交易状态 交易关闭": 2 });
    expect(r.events).toEqual([]);
  });

  it("rejects garbage amounts and dates with their line numbers, keeping the good rows", () => {
    const r = parseAlipayBill(bill([
      row({}),
      row({ category: "信用借还", description: "借呗借款", amount: "abc", orderNo: "o2" }),
      row({ amount: "1e3" }),
      row({ time: "2025-13-01 10:00:00" }),
    ]));
    expect(r.ok).toBe(false);
    expect(r.problems.map(formatProblem)).toEqual([
      'line 4: 金额 "abc" is not an amount (expected digits with up to two decimals, like 5000.00)',
      'line 5: 金额 "1e3" is not an amount (expected digits with up to two decimals, like 5000.00)',
      'line 6: 交易时间 "2025-13-01 10:00:00" is not a date',
    ]);
    expect(r.events).toEqual([{ id: "alipay-activity-2025-05-01", type: "activity", date: "2025-05-01", count: 1, ...src }]);
  });

  it("keeps another product's credit rows apart via lender (an inferred open account at its first row), and 放款 is a draw", () => {
    const r = parseAlipayBill(bill([
      row({ category: "信用借还", counterparty: "花呗", description: "花呗主动还款-2025年04月账单", amount: "300.00", orderNo: "h1" }),
      row({ category: "信用借还", counterparty: "蚂蚁借呗", description: "放款成功", amount: "800.00", orderNo: "j1" }),
      row({ category: "信用借还", counterparty: "蚂蚁借呗", description: "借呗额度调整", orderNo: "j2" }),
    ]));
    expect(r.events).toEqual([
      { id: "alipay-account-花呗", type: "account", date: "2025-05-01", lender: "花呗", action: "opened", source: "import:alipay:inferred" },
      { id: "alipay-activity-2025-05-01", type: "activity", date: "2025-05-01", count: 1, ...src },
      { id: "j1", type: "borrow", date: "2025-05-01", amount: 800, ...src },
      { id: "h1", type: "repayment", date: "2025-05-01", amount: 300, lender: "花呗", ...src },
    ]);
  });

  it("skips an exact duplicate row but flags a reused order number, and a spreadsheet-rounded one", () => {
    const credit = { category: "信用借还", description: "借呗借款", amount: "100.00", orderNo: "d1" };
    const r = parseAlipayBill(bill([row(credit), row(credit), row({ ...credit, amount: "200.00" }), row({ ...credit, orderNo: "2.02501E+27" })]));
    expect(r.summary.skipped).toEqual([{ line: 4, reason: "duplicate 交易订单号" }]);
    expect(r.problems.map((p) => p.line)).toEqual([5, 6]);
    expect(r.problems[0]!.message).toContain("already used on line 3");
    expect(r.problems[1]!.message).toContain("rounded by a spreadsheet");
  });

  it("counts several rows of one day as one activity event with a count", () => {
    const r = parseAlipayBill(bill([row({}), row({ time: "2025-05-01 23:59:59" }), row({ time: "2025-05-02 00:00:00" })]));
    expect(r.events.map((e) => [e.id, e.type === "activity" ? e.count : null])).toEqual([
      ["alipay-activity-2025-05-01", 2],
      ["alipay-activity-2025-05-02", 1],
    ]);
  });
});

describe("parseAlipayBill never throws", () => {
  it("on random bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      const r = parseAlipayBill(bytes);
      expect(r.ok || r.problems.length > 0).toBe(true);
    }), { numRuns: 300 });
  });

  it("on random text after a valid header, and every event it returns is valid history-v1", () => {
    const header = "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,\n";
    const cellArb = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("交易成功", "信用借还", "借呗借款", "还款", "2025-01-01 10:00:00", "12.50", '"', "\t"));
    const lineArb = fc.array(cellArb, { maxLength: 14 }).map((cells) => cells.join(","));
    fc.assert(fc.property(fc.array(lineArb, { maxLength: 30 }), fc.constantFrom("utf8", "gbk"), (lines, enc) => {
      const r = parseAlipayBill(iconv.encode(header + lines.join("\n"), enc));
      for (const e of r.events) expect(historyEvent.safeParse(e).success).toBe(true);
      expect(r.ok).toBe(r.problems.length === 0);
    }), { numRuns: 300 });
  });
});

describe("a generated 100,000-row GBK bill", () => {
  it("parses with exactly the generated counts", () => {
    const g = generateAlipayBill(100_000, { seed: 7 });
    const t0 = performance.now();
    const r = parseAlipayBill(g.bytes);
    const ms = performance.now() - t0;
    console.log(`parseAlipayBill: 100,000 rows (${(g.bytes.length / 1e6).toFixed(1)} MB GBK) in ${ms.toFixed(0)} ms`);
    expect(r.problems).toEqual([]);
    expect(r.summary.rowsTotal).toBe(g.expected.rowsTotal);
    expect(r.summary.recognised).toEqual({
      borrow: g.expected.borrow, repayment: g.expected.repayment,
      activityRows: g.expected.activityRows, activityDays: g.expected.activityDays,
    });
    expect(r.summary.skipped).toHaveLength(g.expected.skipped);
    expect(r.events).toHaveLength(g.expected.borrow + g.expected.repayment + g.expected.activityDays);
    expect(new Set(r.events.map((e) => e.id)).size).toBe(r.events.length);
  });
});
