import { describe, expect, test } from "vitest";
import { initialState, reducer, toSave, verdict, type Reading, type State } from "./flow-state";

const ctx = { historyProduct: "Jiebei", scale: { min: 350, max: 950 }, today: "2026-12-01" };
const reading = (over: Partial<Reading>): Reading => ({ product: "Jiebei", observations: [], lines: [], confidence: 0.98, lineConfidences: [], ...over });

function withRead(key: string, r: Reading, state: State = initialState): State {
  const added = reducer(state, { type: "add", items: [{ key, name: `${key}.png`, size: 1000, lastModified: 0 }] });
  return reducer(reducer(added, { type: "uploaded", key }), { type: "read", key, reading: r });
}

describe("screenshot flow", () => {
  test("a file goes waiting → uploading → reading → read, with its observations as editable drafts", () => {
    let s = reducer(initialState, { type: "add", items: [{ key: "a", name: "a.png", size: 10, lastModified: 0 }] });
    expect(s.items[0]!.status).toBe("waiting");
    s = reducer(s, { type: "progress", key: "a", fraction: 0.4 });
    expect(s.items[0]).toMatchObject({ status: "uploading", progress: 0.4 });
    s = reducer(s, { type: "uploaded", key: "a" });
    expect(s.items[0]!.status).toBe("reading");
    s = reducer(s, { type: "read", key: "a", reading: reading({ observations: [{ type: "limit", value: 30000, date: "2026-09-03", confidence: 0.99, from: [1] }] }) });
    expect(s.items[0]).toMatchObject({ status: "read", drafts: [{ type: "limit", value: "30000", date: "2026-09-03" }] });
  });

  test("a refused reading and a locally refused file save nothing", () => {
    let s = withRead("y", reading({ product: null, reason: "savings page", reasonCode: "savings" }));
    s = reducer(s, { type: "add", items: [{ key: "h", name: "h.heic", size: 10, lastModified: 0, localRefusal: "heic" }] });
    expect(s.items.map((i) => i.status)).toEqual(["refused", "refused"]);
    expect(toSave(s, ctx)).toEqual({ screenshots: 1, observations: [] });
  });

  test("only limits of the history's product and scores are saved; edits are what is saved", () => {
    let s = withRead("a", reading({ observations: [
      { type: "available", value: 21500, date: "2026-09-03", confidence: 1, from: [] },
      { type: "limit", value: 30000, date: "2026-09-03", confidence: 1, from: [] },
    ] }));
    s = withRead("b", reading({ product: "Huabei", observations: [{ type: "limit", value: 8000, date: "2026-09-03", confidence: 1, from: [] }] }), s);
    s = withRead("c", reading({ product: "Sesame", observations: [{ type: "score", value: 712, date: "2026-10-18", confidence: 1, from: [] }] }), s);
    s = reducer(s, { type: "edit", key: "a", draft: "a:1", patch: { value: "28,000" } });
    expect(verdict(s.items[0]!, s.items[0]!.drafts[0]!, ctx)).toBe("available");
    expect(verdict(s.items[1]!, s.items[1]!.drafts[0]!, ctx)).toBe("otherProduct");
    expect(toSave(s, ctx)).toEqual({
      screenshots: 3,
      observations: [
        { type: "limit", product: "Jiebei", value: 28000, date: "2026-09-03" },
        { type: "score", product: "Sesame", value: 712, date: "2026-10-18" },
      ],
    });
    // Changing the product to the history's makes the Huabei screenshot's limit count.
    s = reducer(s, { type: "product", key: "b", product: "Jiebei" });
    expect(toSave(s, ctx).observations).toHaveLength(3);
  });

  test.each([
    ["abc", "2026-09-03", "badValue"],
    ["1.234", "2026-09-03", "badValue"],
    ["30000", "", "noDate"],
    ["30000", "2026-12-02", "futureDate"],
    ["30000", "2026-12-01", null],
  ])("limit %s on %s → %s", (value, date, expected) => {
    const s = withRead("a", reading({ observations: [{ type: "limit", value: 1, confidence: 1, from: [] }] }));
    const item = reducer(s, { type: "edit", key: "a", draft: "a:0", patch: { value, date } }).items[0]!;
    expect(verdict(item, item.drafts[0]!, ctx)).toBe(expected);
  });

  test("a score off the borrower's scale is not saved", () => {
    const s = withRead("c", reading({ product: "Sesame", observations: [{ type: "score", value: 990, date: "2026-10-18", confidence: 1, from: [] }] }));
    expect(verdict(s.items[0]!, s.items[0]!.drafts[0]!, ctx)).toBe("badScore");
  });
});
