/** The text bugs a reader found (issue 16), each as a case that would show it again. */
import { describe, expect, test } from "vitest";
import { explain, type Reason } from "@/lib/core";
import { at, cleanRecord, doc, ev } from "@/lib/core/testing/build";
import type { HistoryEvent } from "@/lib/history/schema";
import { formatDay, formatMoney } from "./core-format";
import { dropText, reasonText } from "./core-text";

const CNY = { currency: "CNY" };
const times = <X>(n: number, f: (i: number) => X): X[] => Array.from({ length: n }, (_, i) => f(i));
function reason(events: HistoryEvent[], code: Reason["code"]): Reason {
  const r = explain(doc(events)).drops.find((d) => d.date === at(0))!.reasons.find((x) => x.code === code);
  if (!r) throw new Error(`${code} did not fire`);
  return r;
}

describe("amounts and dates", () => {
  test.each([
    [36800.15, "CNY", "en", "¥36,800.15"],
    [36800.15, "CNY", "zh-CN", "36,800.15元"],
    [36800.15, "USD", "en", "US$36,800.15"],
    [36800.15, "USD", "zh-CN", "US$36,800.15"],
    [30000, "CNY", "en", "¥30,000"],
    [1000, "HKD", "zh-CN", "1,000港元"],
  ] as const)("%d %s in %s: %s", (amount, currency, locale, expected) => {
    expect(formatMoney(amount, currency, locale)).toBe(expected);
  });

  test("dates read naturally", () => {
    expect(formatDay("2025-03-05", "en")).toBe("5 March 2025");
    expect(formatDay("2025-03-05", "zh-CN")).toBe("2025年3月5日");
  });

  test("a USD history's texts never say 元", () => {
    const events = [...cleanRecord(), ev({ type: "profile", at: -300, monthlyIncome: 3000 }), ev({ type: "borrow", at: -5, amount: 25000.5 })];
    const r = explain(doc(events, { currency: "USD" })).drops[0]!.reasons.find((x) => x.code === "HIGH_DEBT_BURDEN")!;
    const zh = reasonText(r, "zh-CN", { currency: "USD" });
    expect(zh).toContain("US$");
    expect(zh).not.toContain("元");
    expect(reasonText(r, "en", { currency: "USD" })).toContain("US$3,000 a month");
  });
});

describe("the reader's findings", () => {
  test("IRREGULAR_REPAYMENT names the span of the repayments it measured, not a 2-day burst among them", () => {
    const events = [...cleanRecord().filter((e) => e.type !== "repayment"), ...times(9, (i) => ev({ type: "repayment", at: -160 + 15 * i, amount: i === 4 ? 50000 : 200 })), ...times(5, (i) => ev({ type: "repayment", at: -40 + (i % 2), amount: 200 }))];
    const r = reason(events, "IRREGULAR_REPAYMENT");
    expect(r.evidence.figures.pattern).toBe("uneven");
    expect(reasonText(r, "en", CNY)).toContain(`between ${formatDay(at(-160), "en")} and ${formatDay(at(-39), "en")}`);
  });

  test.each([
    ["repayment", ev({ type: "repayment", at: -1, amount: 100 }), "a repayment on", "还款"],
    ["maintenance", ev({ type: "notice", at: -2, scope: "platform", kind: "maintenance", text: "upgrade" }), "a maintenance notice on", "系统维护公告"],
  ])("PROCESSING_DELAY names its trigger: %s", (_kind, trigger, en, zh) => {
    const events = [...cleanRecord().filter((e) => !(e.type === "repayment" && e.date > at(-5))), trigger, ev({ type: "limit", at: 3, limit: 30000 })];
    const r = reason(events, "PROCESSING_DELAY");
    expect(reasonText(r, "en", CNY)).toContain(en);
    expect(reasonText(r, "zh-CN", CNY)).toContain(zh);
    expect(reasonText(r, "en", CNY)).not.toContain("or maintenance");
  });

  test.each([
    ["unemployed", "失业"],
    ["irregular", "收入不固定"],
  ] as const)("no raw enum value in Chinese: %s is %s", (employment, word) => {
    const r = reason([...cleanRecord(), ev({ type: "profile", at: -20, employment })], "INCOME_DECREASE");
    const zh = reasonText(r, "zh-CN", CNY);
    expect(zh).toContain(word);
    expect(zh).not.toMatch(/[A-Za-z]/);
    const change = reasonText(reason([...cleanRecord(), ev({ type: "profile", at: -20, employment })], "EMPLOYMENT_CHANGE"), "zh-CN", CNY);
    expect(change).toContain(word);
    expect(change).toContain("在职");
  });

  test("EMPLOYMENT_CHANGE names every change it counted", () => {
    const events = [...cleanRecord(), ev({ type: "profile", at: -90, employer: "Beta Co" }), ev({ type: "profile", at: -40, employer: "Gamma Co" })];
    const r = reason(events, "EMPLOYMENT_CHANGE");
    const en = reasonText(r, "en", CNY);
    expect(en).toContain("2 changes of employer");
    expect(en).toContain(formatDay(at(-90), "en"));
    expect(en).toContain(`“Beta Co” to “Gamma Co”`);
    expect(reasonText(r, "zh-CN", CNY)).toContain("工作单位变动2次");
  });

  test("a temporary drop's text says when it came back and that nothing needs doing", () => {
    const d = explain(doc([...cleanRecord(), ev({ type: "repayment", at: -1, amount: 100 }), ev({ type: "limit", at: 2, limit: 30000 })])).drops[0]!;
    expect(dropText(d, "en", CNY)).toMatch(new RegExp(`^Your limit fell from ¥30,000 to ¥20,000 on ${formatDay(at(0), "en")}\\. It was restored on ${formatDay(at(2), "en")}, so nothing needs doing\\. Main reason:`));
    expect(dropText(d, "zh-CN", CNY)).toContain("无需做任何事");
  });
});
