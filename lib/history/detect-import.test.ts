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
    ["a zip (a bill's zip or an XLSX, opened by read-file)", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), "zip"],
    ["a WeChat Pay CSV", Buffer.from("\ufeff微信支付账单明细\n交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n", "utf8"), "wechat"],
    ["a JD CSV", Buffer.from("京东账号名：x\n交易时间,商户名称,交易说明,金额,收/付款方式,交易状态,收/支,交易分类,交易订单号,商家订单号,备注\n", "utf8"), "jd"],
  ])("recognises %s", (_name, bytes, format) => {
    expect(detectImportFormat(bytes).format).toBe(format);
  });

  it.each([
    ["a WeChat bill whose header is gone", Buffer.from("微信支付账单明细\n微信昵称：x\n", "utf8"), /looks like the WeChat Pay bill/],
    ["the old PC export", iconv.encode("支付宝交易记录明细查询\n", "gbk"), /开具交易流水证明/],
    ["binary data", Buffer.from([0, 1, 2, 0, 0xff, 0]), /not a text file/],
  ])("refuses %s with a message", (_name, bytes, message) => {
    const r = detectImportFormat(bytes);
    expect(r.format).toBe("refused");
    expect(r.format === "refused" && r.message).toMatch(message);
  });
});
