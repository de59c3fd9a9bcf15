import { describe, expect, it } from "vitest";
import { clip, eventSummary, NAME_SHOWN, TEXT_SHOWN } from "./event-summary";

const t = (key: string) => key;
const money = (n: number) => `¥${n}`;

describe("clip", () => {
  it("leaves short text alone and cuts long text to the limit with an ellipsis", () => {
    expect(clip("短备注")).toBe("短备注");
    const long = "借".repeat(2_000);
    expect(Array.from(clip(long)).length).toBe(TEXT_SHOWN);
    expect(clip(long).endsWith("…")).toBe(true);
    expect(clip("abcdef", 4)).toBe("abc…");
  });

  it("never splits a character outside the basic plane", () => {
    expect(clip("😀😀😀😀", 3)).toBe("😀😀…");
  });
});

describe("eventSummary", () => {
  it("shows a 2,000-character note and notice text clipped", () => {
    const note = "备".repeat(2_000);
    const s = eventSummary({ type: "notice", date: "2025-01-01", scope: "platform", kind: "policy", text: "文".repeat(2_000), note } as never, t, money);
    expect(Array.from(s).length).toBeLessThanOrEqual(2 * TEXT_SHOWN + 60);
    expect(s).toContain("…");
  });
});

describe("eventSummary names", () => {
  it("clips 200-character lenders, products and loan ids, keeping the figure first", () => {
    const long = "某".repeat(200);
    const s = eventSummary({ type: "borrow", date: "2025-01-01", amount: 300, lender: long, loanId: long } as never, t, money);
    expect(s.startsWith("¥300 · ")).toBe(true);
    expect(Array.from(s).length).toBeLessThanOrEqual(2 * NAME_SHOWN + 10);
    const q = eventSummary({ type: "inquiry", date: "2025-01-01", lender: long, product: long } as never, t, money);
    expect(Array.from(q).length).toBeLessThanOrEqual(2 * NAME_SHOWN + 3);
  });
});
