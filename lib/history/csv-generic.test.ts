import iconv from "iconv-lite";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyMapping, inspectCsv } from "./csv-generic";
import { csvMapping, guessType, headerHash, suggestMapping, type CsvMappingInput } from "./csv-mapping";
import { formatProblem } from "./import-result";
import { historyEvent } from "./schema";

const utf8 = (s: string) => Buffer.from(s, "utf8");

const CHINESE = [
  "日期,类型,金额,流水号,备注",
  "2025-01-10,借款,5000.00,T1,第一笔",
  "2025/2/10,还款,\"1,700.00\",T2,",
  "2025-02-11,查询余额,0,T3,",
  "2025-03-01 09:30:00,额度,30000,,额度调整",
].join("\r\n");

describe("inspectCsv", () => {
  it("reads encoding, delimiter, headers, samples and a header hash", () => {
    const r = inspectCsv(utf8(CHINESE), { sampleRows: 2 });
    expect(r).toEqual({
      encoding: "utf-8",
      delimiter: ",",
      headerLine: 1,
      headers: ["日期", "类型", "金额", "流水号", "备注"],
      sampleRows: [["2025-01-10", "借款", "5000.00", "T1", "第一笔"], ["2025/2/10", "还款", "1,700.00", "T2", ""]],
      headerHash: headerHash(["日期", "类型", "金额", "流水号", "备注"]),
      // Over all rows, not only the two sample rows: the mapping form asks about 查询余额 and 额度 too.
      columnValues: {
        日期: ["2025-01-10", "2025/2/10", "2025-02-11", "2025-03-01 09:30:00"],
        类型: ["借款", "还款", "查询余额", "额度"],
        金额: ["5000.00", "1,700.00", "0", "30000"],
        流水号: ["T1", "T2", "T3"],
        备注: ["第一笔", "额度调整"],
      },
    });
  });

  it("detects GBK and semicolons, and skips a bank's preamble to find the header", () => {
    const text = "账户：6222****1234\n起止日期：2025-01-01至2025-03-31\nDatum;Betrag;Typ\n01.02.2025;1.234,50;repayment\n";
    const r = inspectCsv(iconv.encode(text, "gbk"));
    expect(r.encoding).toBe("gbk");
    expect(r.delimiter).toBe(";");
    expect(r.headerLine).toBe(3);
    expect(r.headers).toEqual(["Datum", "Betrag", "Typ"]);
  });

  it("hashes headers stably across case, padding and full-width forms, and apart for other columns", () => {
    expect(headerHash([" Date ", "AMOUNT"])).toBe(headerHash(["date", "amount"]));
    expect(headerHash(["金额（元）"])).toBe(headerHash(["金额(元)"]));
    expect(headerHash(["date", "amount"])).not.toBe(headerHash(["amount", "date"]));
    expect(headerHash(["date", "amount"])).toMatch(/^[0-9a-f]{16}$/);
  });

  it("never throws on random bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 1000 }), (b) => {
      expect(Array.isArray(inspectCsv(b).headers)).toBe(true);
    }), { numRuns: 200 });
  });
});

describe("suggestMapping", () => {
  it.each([
    [["日期", "类型", "金额", "流水号", "备注"], { date: "日期", type: "类型", amount: "金额", id: "流水号", note: "备注" }],
    [["Transaction Date", "Amount", "Type", "Memo", "Lender"], { date: "Transaction Date", amount: "Amount", type: "Type", note: "Memo", lender: "Lender" }],
    [["还款日期", "还款金额(元)", "借据号"], { date: "还款日期", amount: "还款金额(元)", loanId: "借据号" }],
  ])("guesses roles for %j", (headers, columns) => {
    expect(suggestMapping(headers).columns).toEqual(columns);
  });

  it("proposes types for the sampled type values", () => {
    const s = suggestMapping(["date", "type", "amount"], [["x", "Loan drawdown", "1"], ["x", "Repayment", "1"], ["x", "Coffee", "1"]]);
    expect(s.typeValues).toEqual({ "Loan drawdown": "borrow", Repayment: "repayment" });
    expect(guessType("借呗还款")).toBe("repayment");
  });
});

const chineseMapping: CsvMappingInput = {
  columns: { date: "日期", type: "类型", amount: "金额", id: "流水号", note: "备注" },
  typeValues: { 借款: "borrow", 还款: "repayment", 额度: "limit", 查询余额: "skip" },
};

describe("applyMapping", () => {
  it("maps Chinese headers and type values into events, skipping by mapping", () => {
    const r = applyMapping(utf8(CHINESE), chineseMapping);
    expect(r.problems).toEqual([]);
    expect(r.events).toEqual([
      { id: "T1", type: "borrow", date: "2025-01-10", amount: 5000, note: "第一笔", source: "import:csv" },
      { id: "T2", type: "repayment", date: "2025-02-10", amount: 1700, source: "import:csv" },
      { type: "limit", date: "2025-03-01", limit: 30000, note: "额度调整", source: "import:csv" },
    ]);
    expect(r.summary).toMatchObject({
      rowsTotal: 4,
      byType: { borrow: 1, repayment: 1, limit: 1 },
      skipped: [{ line: 4, reason: 'type "查询余额" is skipped by the mapping' }],
      dateRange: { from: "2025-01-10", to: "2025-03-01" },
    });
  });

  it("reads a GBK, semicolon, decimal-comma file with a fixed type", () => {
    const text = "Datum;Betrag;Kreditgeber\n2025-02-01;1.234,50;Bank A\n2025-02-02;-20,00;Bank A\n";
    const r = applyMapping(iconv.encode(text, "gbk"), {
      columns: { date: "Datum", amount: "Betrag", lender: "Kreditgeber" },
      fixedType: "repayment",
      decimalSeparator: ",",
      negativeAmounts: "absolute",
      source: "import:bank-a",
    });
    expect(r.problems).toEqual([]);
    expect(r.events).toEqual([
      { type: "repayment", date: "2025-02-01", amount: 1234.5, lender: "Bank A", source: "import:bank-a" },
      { type: "repayment", date: "2025-02-02", amount: 20, lender: "Bank A", source: "import:bank-a" },
    ]);
  });

  it("gives line-numbered problems for garbage, and lists unmapped type values", () => {
    const text = ["日期,类型,金额", "2025-01-01,借款,100", "2025-01-02,借款,abc", "2025-13-01,借款,1", "2025-01-03,借款,-5", "2025-01-04,借款,1.234", "2025-01-05,转账,1"].join("\n");
    const r = applyMapping(utf8(text), { columns: { date: "日期", type: "类型", amount: "金额" }, typeValues: { 借款: "borrow" } });
    expect(r.ok).toBe(false);
    expect(r.problems.map(formatProblem)).toEqual([
      'line 3: amount "abc" is not a number',
      'line 4: date "2025-13-01" is not a date',
      'line 5: amount "-5" is negative (choose "use absolute value" if the file writes outflows as negative)',
      "line 6: amount: must have at most two decimals",
    ]);
    expect(r.events).toHaveLength(1);
    expect(r.summary.unmappedTypeValues).toEqual(["转账"]);
    expect(r.summary.skipped).toEqual([{ line: 7, reason: 'type "转账" is not mapped' }]);
  });

  it("counts lines across quoted cells that span lines", () => {
    const text = 'date,amount,note\n2025-01-01,1,"two\nlines"\n2025-01-02,x,\n';
    const r = applyMapping(utf8(text), { columns: { date: "date", amount: "amount", note: "note" }, fixedType: "borrow" });
    expect(r.events[0]).toMatchObject({ note: "two\nlines" });
    expect(r.problems.map(formatProblem)).toEqual(['line 4: amount "x" is not a number']);
  });

  it("reports a mapped column missing from the file, and an invalid mapping", () => {
    const missing = applyMapping(utf8(CHINESE), { ...chineseMapping, columns: { date: "Date", type: "类型", amount: "金额" } });
    expect(missing.problems.map(formatProblem)).toEqual(['line 1: column "Date" (date) is not in this file; its columns are: 日期, 类型, 金额, 流水号, 备注']);
    const invalid = applyMapping(utf8(CHINESE), { columns: { date: "日期" } });
    expect(invalid.problems[0]!.message).toBe("mapping fixedType: set either a type column or a fixed type, not both");
    expect(csvMapping.safeParse({ columns: { date: "d" }, fixedType: "borrow" }).success).toBe(false); // amount needed
    expect(csvMapping.safeParse({ columns: { date: "d" }, fixedType: "activity" }).success).toBe(true);
  });

  it("never throws on random text, and returns only valid events", () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), fc.constantFrom(",", ";"), (body, d) => {
      const r = applyMapping(utf8(`date${d}amount${d}type\n${body}`), { columns: { date: "date", amount: "amount", type: "type" }, typeValues: { b: "borrow", s: "score" } });
      for (const e of r.events) expect(historyEvent.safeParse(e).success).toBe(true);
    }), { numRuns: 300 });
  });
});

describe("the mapping form's type values", () => {
  it("come from every row of the file, not only the sample rows", () => {
    const rows = ["日期,类型,金额", ...Array.from({ length: 30 }, (_, i) => `2025-01-${String((i % 28) + 1).padStart(2, "0")},${i === 29 ? "提前还款" : "借款"},5`)].join("\n");
    const inspection = inspectCsv(new TextEncoder().encode(rows), { sampleRows: 3 });
    expect(inspection.sampleRows.map((r) => r[1])).not.toContain("提前还款");
    expect(inspection.columnValues["类型"]).toEqual(["借款", "提前还款"]);
    const s = suggestMapping(inspection.headers, inspection.sampleRows, inspection.columnValues);
    expect(s.typeValues).toEqual({ 借款: "borrow", 提前还款: "repayment" });
  });
});
