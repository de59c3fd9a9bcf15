import { describe, expect, it } from "vitest";
import { parseAmountText, parseLimitChange } from "./validation";

const TODAY = "2026-03-17";

describe("parseAmountText", () => {
  it.each([
    ["30000", 30000],
    ["30,000", 30000],
    ["¥30,000", 30000],
    ["￥ 30 000 元", 30000],
    ["３００００", 30000],
    ["3万", 30000],
    ["3.5万", 35000],
    ["3.4567万", 34567],
    ["0", 0],
    ["1234.5", 1234.5],
    ["1234.56", 1234.56],
  ])("%s is %d yuan", (text, value) => expect(parseAmountText(text)).toBe(value));

  it.each(["", "abc", "-5", "1.234", "3.1234567万", "1e5", "3万万", "12.", ".5"])("refuses %j", (text) => expect(parseAmountText(text)).toBeNull());
});

describe("parseLimitChange", () => {
  it("reads the form's text into yuan, the day and an optional score", () => {
    expect(parseLimitChange({ previous: "30,000", current: "0", date: TODAY, score: "" }, TODAY)).toEqual({
      ok: true,
      value: { previous: 30000, current: 0, date: TODAY, score: undefined },
    });
    expect(parseLimitChange({ current: "5000", date: "2026-03-01", score: "６８０" }, TODAY)).toEqual({
      ok: true,
      value: { previous: undefined, current: 5000, date: "2026-03-01", score: 680 },
    });
  });

  it("answers one error code per field", () => {
    expect(parseLimitChange({ previous: "lots", current: "", date: "2026-03-18", score: "high" }, TODAY)).toEqual({
      ok: false,
      errors: { previous: "notAmount", current: "required", date: "future", score: "notScore" },
    });
    expect(parseLimitChange({ current: "1", date: "2026-02-30" }, TODAY)).toEqual({ ok: false, errors: { date: "notDate" } });
    expect(parseLimitChange({ current: "1", date: "1999-12-31" }, TODAY)).toEqual({ ok: false, errors: { date: "tooOld" } });
    expect(parseLimitChange({ current: "1e12", date: TODAY }, TODAY)).toEqual({ ok: false, errors: { current: "notAmount" } });
    expect(parseLimitChange({ current: "1000000000000", date: TODAY }, TODAY)).toEqual({ ok: false, errors: { current: "tooLarge" } });
  });

  it("refuses a change to the same value, and input that is not the form's", () => {
    expect(parseLimitChange({ previous: "3万", current: "30000", date: TODAY }, TODAY)).toEqual({ ok: false, errors: { current: "same" } });
    expect(parseLimitChange({ current: "1", date: TODAY, userId: "someone-else" }, TODAY)).toMatchObject({ ok: false });
    expect(parseLimitChange(null, TODAY)).toMatchObject({ ok: false });
    expect(parseLimitChange({ current: 5, date: TODAY }, TODAY)).toMatchObject({ ok: false, errors: { current: "required" } });
  });
});
