import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateAlipayBill } from "@/lib/history/testing/alipay-generator";
import { renderJdCsv, renderWechatCsv, renderWechatXlsx, zipBomb, zipFiles, zipOne } from "@/lib/history/testing/bill-files";
import { generateJdRows, generateWechatRows, WECHAT_PREAMBLE, type WechatRow } from "@/lib/history/testing/bill-rows";
import { explain } from "@/lib/core";
import { readImportFile, type ParsedFile, type ReadFileResult } from "./read-file";

const NOW = new Date("2026-01-01T00:00:00Z");
const borrower = (product = "Jiebei") => ({ currency: "CNY", product, scoreScale: { min: 350, max: 950 } });
const read = (bytes: Uint8Array, o: { product?: string; password?: string; lang?: "zh" | "en" } = {}) =>
  readImportFile(bytes, { borrower: borrower(o.product), password: o.password, lang: o.lang, now: NOW });

function parsed(r: ReadFileResult): ParsedFile {
  if (r.kind !== "parsed") throw new Error(`expected a parsed file, got ${JSON.stringify(r).slice(0, 300)}`);
  return r;
}
const count = (r: ParsedFile, type: string) => r.document!.events.filter((e) => e.type === type).length;

describe("WeChat Pay bill", () => {
  const bill = generateWechatRows(400, { seed: 5 });

  it.each([
    ["CSV with a BOM", () => renderWechatCsv(bill.rows)],
    ["CSV without a BOM", () => renderWechatCsv(bill.rows, { bom: false })],
    ["XLSX", () => renderWechatXlsx(bill.rows)],
  ])("is recognised by content as %s, with no mapping step, and its counts add up", async (_name, make) => {
    const r = parsed(await read(await make()));
    expect(r.format).toBe("wechat");
    expect(r.problems).toEqual([]);
    expect(count(r, "borrow")).toBe(bill.expected.borrow);
    expect(count(r, "repayment")).toBe(bill.expected.repayment);
    expect(r.skipped.length).toBe(bill.expected.skipped);
    expect(r.rowsTotal).toBe(400);
    expect(r.recognisedRows + r.mergedRows + r.skipped.length).toBe(r.rowsTotal);
    expect(r.lenders).toEqual(bill.expected.lenders);
    expect(r.skipped.map((s) => s.reason)).toContain("not about your credit line");
  });

  it("makes other lenders' rows repayments and draws with their lender, and infers an opened account at each lender's first row", async () => {
    const r = parsed(await read(renderWechatCsv(bill.rows)));
    const events = r.document!.events;
    for (const lender of bill.expected.lenders) {
      const flows = events.filter((e) => (e.type === "borrow" || e.type === "repayment") && e.lender === lender);
      expect(flows.length).toBeGreaterThan(0);
      const opened = events.filter((e) => e.type === "account" && e.lender === lender);
      expect(opened).toEqual([expect.objectContaining({ action: "opened", source: "import:wechat:inferred", date: flows.map((f) => f.date).sort()[0] })]);
    }
    // Order numbers end with a tab in the export: the id is trimmed.
    expect(events.filter((e) => e.type === "repayment").every((e) => e.id && !/\s/.test(e.id))).toBe(true);
  });

  it("counts ordinary payments as activity (merged per day) only when the history's product is Weilidai", async () => {
    const own = generateWechatRows(300, { seed: 8, product: "Weilidai" });
    const r = parsed(await read(renderWechatCsv(own.rows), { product: "Weilidai" }));
    expect(r.mergedRows).toBe(own.expected.mergedRows);
    expect(r.activityDays).toBe(own.expected.activityDays);
    expect(count(r, "activity")).toBe(own.expected.activityDays);
    expect(r.lenders).not.toContain("Weilidai");
    expect(r.document!.events.filter((e) => e.type === "borrow").every((e) => !("lender" in e))).toBe(true);
  });

  it("finds the XLSX header at another row, and keeps cells with tabs, quotes and commas apart", async () => {
    const rows: WechatRow[] = [
      { time: "2025-03-01 10:00:00", type: "信用卡还款", counterparty: '招商银行"信用卡",尾号1234', goods: "信用卡还款", direction: "/", amount: "¥1,200.50", method: "零钱", status: "支付成功", orderNo: "420000000000000000000001\t", merchantNo: "/", remark: "含\t制表符" },
      { time: "2025-03-02 10:00:00", type: "商户消费", counterparty: "某店", goods: '"饮料",小票', direction: "支出", amount: "¥3.00", method: "零钱", status: "支付成功", orderNo: "420000000000000000000002\t", merchantNo: "/", remark: "/" },
    ];
    for (const preamble of [WECHAT_PREAMBLE.slice(0, 3), [...WECHAT_PREAMBLE, ...WECHAT_PREAMBLE]]) {
      const r = parsed(await read(await renderWechatXlsx(rows, { preamble })));
      expect(r.problems).toEqual([]);
      expect(r.document!.events.find((e) => e.type === "repayment")).toMatchObject({ id: "420000000000000000000001", amount: 1200.5, lender: "招商银行", date: "2025-03-01" });
    }
    const csv = parsed(await read(renderWechatCsv(rows)));
    expect(csv.document!.events.find((e) => e.type === "repayment")).toMatchObject({ amount: 1200.5, lender: "招商银行" });
    expect(csv.skipped).toEqual([{ line: WECHAT_PREAMBLE.length + 3, reason: "not about your credit line" }]);
  });

  it("shows 微粒贷 rows it cannot classify as skipped, in the page's language", async () => {
    const rows: WechatRow[] = [{ time: "2025-03-01 10:00:00", type: "其他", counterparty: "微粒贷", goods: "微粒贷服务通知", direction: "/", amount: "¥0.00", method: "/", status: "支付成功", orderNo: "1\t", merchantNo: "/", remark: "/" }];
    const r = parsed(await read(renderWechatCsv(rows), { lang: "zh" }));
    expect(r.skipped[0]!.reason).toMatch(/无法识别的微粒贷记录/);
  });

  it("lets MULTI_LENDER_EXPOSURE fire from a bill alone", async () => {
    const r = parsed(await read(renderWechatCsv(bill.rows)));
    const last = r.document!.events.at(-1)!.date;
    const doc = { ...r.document!, events: [...r.document!.events, { id: "l1", type: "limit" as const, date: "2024-01-01", limit: 30000 }, { id: "l2", type: "limit" as const, date: last, limit: 0 }] };
    const reasons = explain(doc).drops.flatMap((d) => d.reasons.map((x) => x.code));
    expect(reasons).toContain("MULTI_LENDER_EXPOSURE");
  });
});

describe("JD bill", () => {
  it("is recognised by content: 白条 payments are draws, 白条 and 金条 repayments repayments, the rest counted", async () => {
    const bill = generateJdRows(300, { seed: 3 });
    const r = parsed(await read(renderJdCsv(bill.rows)));
    expect(r.format).toBe("jd");
    expect(r.problems).toEqual([]);
    expect(count(r, "borrow")).toBe(bill.expected.borrow);
    expect(count(r, "repayment")).toBe(bill.expected.repayment);
    expect(r.skipped.length).toBe(bill.expected.skipped);
    expect(r.lenders).toEqual(["Baitiao", "Jintiao"]);
    expect(r.recognisedRows + r.skipped.length).toBe(r.rowsTotal);
    expect(r.document!.events.filter((e) => e.type === "account").map((e) => e.source)).toEqual(["import:jd:inferred", "import:jd:inferred"]);
  });
});

describe("the bill's zip", () => {
  const alipay = generateAlipayBill(120, { seed: 4 });
  const name = "支付宝交易明细(20240101-20240331).csv";

  it.each(["zipcrypto", "aes"] as const)("opens an Alipay zip encrypted with %s given its password, with the same events as the CSV", async (encryption) => {
    const zip = await zipOne(name, alipay.bytes, { password: "381204", encryption });
    const plain = parsed(await read(alipay.bytes));
    const r = parsed(await read(zip, { password: "381204" }));
    expect(r.format).toBe("alipay");
    expect(r.packaging).toEqual({ zip: true, encrypted: true, container: "text" });
    expect(r.document!.events).toEqual(plain.document!.events);
  });

  it("asks for the password, and says where it comes from when it is wrong (Alipay: the 6-digit code; WeChat: sent in WeChat)", async () => {
    const zip = await zipOne(name, alipay.bytes, { password: "381204", encryption: "aes" });
    expect(await read(zip)).toMatchObject({ kind: "needs-password", wrong: false, looksLike: "alipay" });
    const wrong = await read(zip, { password: "000000", lang: "zh" });
    expect(wrong).toMatchObject({ kind: "needs-password", wrong: true, looksLike: "alipay" });
    expect(wrong.kind === "needs-password" && wrong.message).toMatch(/密码不正确.*支付宝.*6 位数字/);
    const en = await read(zip, { password: "000000", lang: "en" });
    expect(en.kind === "needs-password" && en.message).toMatch(/6-digit code Alipay sent you/);

    const wechat = await zipOne("微信支付账单(20240101-20240331).xlsx", await renderWechatXlsx(generateWechatRows(30).rows), { password: "pw", encryption: "zipcrypto" });
    const w = await read(wechat, { password: "nope" });
    expect(w.kind === "needs-password" && w.message).toMatch(/sent to you in WeChat/);
    expect(parsed(await read(wechat, { password: "pw" }))).toMatchObject({ format: "wechat", packaging: { zip: true, encrypted: true, container: "xlsx" } });
  });

  it("refuses a zip bomb before expanding it: by its declared size, and while inflating when the headers lie", async () => {
    const honest = await read(await zipBomb(25));
    expect(honest).toMatchObject({ kind: "refused", message: expect.stringMatching(/more than 20 MB/) });
    const bomb = await zipBomb(60, { claimBytes: 1000 });
    const before = process.memoryUsage().rss;
    const lying = await read(bomb);
    expect(lying).toMatchObject({ kind: "refused", message: expect.stringMatching(/more than 20 MB/) });
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });

  it("gives advice for a plain zip without a bill, and names an unknown spreadsheet a spreadsheet", async () => {
    const plain = await read(await zipFiles({ "notes.pdf": "x", "photo.jpg": "y" }), { lang: "zh" });
    expect(plain).toMatchObject({ kind: "refused", message: expect.stringMatching(/压缩包里没有 CSV 或 XLSX 文件.*notes\.pdf/) });
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("x").addRow(["日期", "金额"]);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    const en = await read(xlsx);
    expect(en).toMatchObject({ kind: "refused", message: expect.stringMatching(/This is a spreadsheet \(XLSX\)/) });
    expect(en.kind === "refused" && en.message).not.toMatch(/zip/i);
    expect(await read(xlsx, { lang: "zh" })).toMatchObject({ kind: "refused", message: expect.stringMatching(/这是一个表格文件（XLSX）/) });
  });

  it("refuses an old Excel file with advice", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(await read(ole)).toMatchObject({ kind: "refused", message: expect.stringMatching(/\.xls/) });
  });
});

describe("every reader on damaged input", () => {
  const kinds = ["refused", "needs-password", "needs-mapping", "parsed"];
  const ok = (r: ReadFileResult) => {
    expect(kinds).toContain(r.kind);
    if (r.kind === "parsed" && r.document === null) expect(r.problems.length).toBeGreaterThan(0);
    if (r.kind === "refused") expect(r.message.length).toBeGreaterThan(10);
  };

  it("answers random bytes, and random bytes behind a zip's or a spreadsheet's signature, with a clear result, never a throw", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, zipMagic) => {
        const input = zipMagic ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        ok(await read(input, { password: "x" }));
      }),
      { numRuns: 150 },
    );
  });

  it("answers every truncation of each format's file with a clear result: fewer events or problems, never a throw", async () => {
    const files = [
      renderWechatCsv(generateWechatRows(40).rows),
      await renderWechatXlsx(generateWechatRows(40).rows),
      renderJdCsv(generateJdRows(40).rows),
      await zipOne("alipay.csv", generateAlipayBill(40).bytes, { password: "1", encryption: "aes" }),
      await zipOne("alipay.csv", generateAlipayBill(40).bytes, { password: "1", encryption: "zipcrypto" }),
    ];
    for (const file of files) {
      const full = await read(file, { password: "1" });
      const fullEvents = full.kind === "parsed" ? (full.document?.events.length ?? 0) : 0;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: file.length - 1 }), async (at) => {
          const r = await read(file.subarray(0, at), { password: "1" });
          ok(r);
          if (r.kind === "parsed" && r.document) expect(r.document.events.length).toBeLessThanOrEqual(fullEvents + 2);
        }),
        { numRuns: 25 },
      );
    }
  });
});
