import { describe, expect, test } from "vitest";
import { assess } from "@/lib/core";
import { at, cleanRecord, doc, ev } from "@/lib/core/testing/build";
import { healthItems } from "./health-text";

describe("health card in plain words", () => {
  test("an income fall reads as a borrower says it, graded warning; a near signal is watch; the rest fine", () => {
    const events = [...cleanRecord(), ev({ type: "profile", at: -20, monthlyIncome: 9150 }), ev({ type: "inquiry", at: -20, lender: "A" }), ev({ type: "inquiry", at: -10, lender: "B" })];
    const { items, fine } = healthItems(assess(doc(events), at(-1)), "en");
    expect(items[0]).toEqual({ code: "INCOME_DECREASE", metric: "incomeRatio", grade: "warning", text: "Your reported income fell to 61% of what it was — lenders often cut when it falls below 80%." });
    expect(items.find((i) => i.code === "CREDIT_INQUIRIES")).toMatchObject({ grade: "watch", text: "You applied for credit 2 times within 30 days — lenders often cut at 3 or more." });
    expect(fine).toBe(15 - items.length);
    const zh = healthItems(assess(doc(events), at(-1)), "zh-CN").items;
    expect(zh[0]!.text).toBe("您申报的收入降到了原来的61%，低于80%时平台常会降额。");
    for (const i of zh) expect(i.text).not.toMatch(/[A-Za-z]/);
  });

  test("no raw ratio or threshold pair anywhere: every assessed measure has a sentence", () => {
    const events = [...cleanRecord(), ev({ type: "profile", at: -20, employment: "unemployed", bankCardLinked: false }), ev({ type: "borrow", at: -60, amount: 27000 })];
    const { items } = healthItems(assess(doc(events), at(-1)), "zh-CN");
    expect(items.map((i) => i.code)).toEqual(expect.arrayContaining(["INCOME_DECREASE", "HIGH_UTILIZATION", "INCOMPLETE_PROFILE"]));
    for (const i of items) expect(i.text).not.toMatch(/[{}]|core\.|unemployed/);
  });

  test("a clean record: nothing to show but fine", () => {
    expect(healthItems(assess(doc(cleanRecord()), at(-1)), "en")).toEqual({ items: [], fine: 15 });
  });
});
