import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectImportFormat } from "./detect-import";
import { exportEventsCsv } from "./export-csv";

describe("detectImportFormat", () => {
  it.each([
    ["the shared Alipay fixture", readFileSync("/work/shared/fixtures/alipay-bill-sample.csv"), "alipay"],
    ["a history JSON", Buffer.from(' \n{"format":"credit-health-history"}'), "history-json"],
    ["our CSV export", Buffer.from(exportEventsCsv([])), "history-csv"],
    ["a bank CSV in GBK", iconv.encode("日期,金额\n2025-01-01,5\n", "gbk"), "csv"],
  ])("recognises %s", (_name, bytes, format) => {
    expect(detectImportFormat(bytes).format).toBe(format);
  });

  it.each([
    ["a zip", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), /Unzip it first/],
    ["the old PC export", iconv.encode("支付宝交易记录明细查询\n", "gbk"), /开具交易流水证明/],
    ["binary data", Buffer.from([0, 1, 2, 0, 0xff, 0]), /not a text file/],
  ])("refuses %s with a message", (_name, bytes, message) => {
    const r = detectImportFormat(bytes);
    expect(r.format).toBe("refused");
    expect(r.format === "refused" && r.message).toMatch(message);
  });
});
