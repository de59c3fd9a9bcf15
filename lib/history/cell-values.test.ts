import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { localDay, parseLooseAmount, parseStrictAmount } from "./cell-values";
import { decodeBytes } from "./decode";

describe("parseStrictAmount", () => {
  it.each([["5000.00", 5000], ["36.4", 36.4], ["0", 0], ["5.001", null], ["1,000", null], ["-5", null], ["1e3", null], ["", null], [" 5", null]])(
    "%j → %j",
    (raw, value) => expect(parseStrictAmount(raw)).toBe(value),
  );
});

describe("parseLooseAmount", () => {
  it.each([
    ["1,234.50", ".", 1234.5], ["¥1,234.50", ".", 1234.5], ["500元", ".", 500], ["-500", ".", -500], ["(12.50)", ".", -12.5],
    ["1.234,50 €", ",", 1234.5], ["1 234,50", ",", 1234.5], ["1,5", ".", null], ["12,34,5", ".", null], ["abc", ".", null], ["", ".", null], ["1.2.3", ".", null],
  ] as const)("%j with decimal %j → %j", (raw, dec, value) => expect(parseLooseAmount(raw, { decimalSeparator: dec })).toBe(value));
});

describe("localDay", () => {
  it.each([
    ["2025-01-05 09:12:01", "2025-01-05"], ["2025/1/5 9:12", "2025-01-05"], ["2025.01.05", "2025-01-05"], ["2025年1月5日 08:00", "2025-01-05"],
    ["2025-01-05T20:00:00Z", "2025-01-06"], ["2025-02-29", null], ["2025-01-05 24:00", null], ["05/01/2025", null], ["", null],
  ])("%j → %j", (raw, day) => expect(localDay(raw)).toBe(day));
});

describe("decodeBytes", () => {
  it("tells UTF-8 (with and without BOM), UTF-16 and GBK apart", () => {
    const text = "交易时间,金额";
    expect(decodeBytes(Buffer.from(text))).toEqual({ encoding: "utf-8", text });
    expect(decodeBytes(Buffer.from("\ufeff" + text))).toEqual({ encoding: "utf-8-bom", text });
    expect(decodeBytes(iconv.encode(text, "gbk"))).toEqual({ encoding: "gbk", text });
    expect(decodeBytes(iconv.encode(text, "utf-16le", { addBOM: true }))).toEqual({ encoding: "utf-16le", text });
    expect(decodeBytes(new Uint8Array(0))).toEqual({ encoding: "utf-8", text: "" });
  });
});
