import { describe, expect, it } from "vitest";
import { pageHref, pageOf, pageParam } from "./page-of";

const list = Array.from({ length: 45 }, (_, i) => i + 1);

describe("pageOf", () => {
  it.each([
    [1, { items: list.slice(0, 20), page: 1, pages: 3, total: 45, from: 1, to: 20 }],
    [2, { items: list.slice(20, 40), page: 2, pages: 3, total: 45, from: 21, to: 40 }],
    [3, { items: list.slice(40), page: 3, pages: 3, total: 45, from: 41, to: 45 }],
    // Past the end: the last page; below 1 or not a whole number: the first.
    [9, { items: list.slice(40), page: 3, pages: 3, total: 45, from: 41, to: 45 }],
    [0, { items: list.slice(0, 20), page: 1, pages: 3, total: 45, from: 1, to: 20 }],
    [1.5, { items: list.slice(0, 20), page: 1, pages: 3, total: 45, from: 1, to: 20 }],
  ])("page %s of 45 items, 20 a page", (page, expected) => {
    expect(pageOf(list, page, 20)).toEqual(expected);
  });

  it("shows every item exactly once across its pages", () => {
    const seen = [1, 2, 3].flatMap((p) => pageOf(list, p, 20).items);
    expect(seen).toEqual(list);
  });

  it("an empty list is one empty page", () => {
    expect(pageOf([], 4, 10)).toEqual({ items: [], page: 1, pages: 1, total: 0, from: 0, to: 0 });
  });

  it("refuses a page size that is not a positive integer", () => {
    expect(() => pageOf(list, 1, 0)).toThrow(RangeError);
    expect(() => pageOf(list, 1, 2.5)).toThrow(RangeError);
  });
});

describe("pageParam", () => {
  it.each([
    [undefined, 1],
    ["", 1],
    ["3", 3],
    [["4", "5"], 4],
    ["0", 1],
    ["-2", 1],
    ["2.5", 1],
    ["1e3", 1],
    ["０３", 1],
    ["999999", 1],
    ["100000", 100_000],
  ])("%j → %i", (value, expected) => {
    expect(pageParam(value as string | string[] | undefined)).toBe(expected);
  });
});

describe("pageHref", () => {
  it("keeps the other parameters, repeated ones in order, and sets the page", () => {
    expect(pageHref("/dashboard", { range: "all", show: ["", "borrow"], drops: "all", page: "2" }, 3)).toBe("/dashboard?range=all&show=&show=borrow&drops=all&page=3");
  });

  it("page 1 has no page parameter", () => {
    expect(pageHref("/recovery", { page: "4" }, 1)).toBe("/recovery");
  });

  it("sets extra parameters and a fragment, under another key if asked", () => {
    expect(pageHref("/dashboard", { drops: "5", range: "1y" }, 2, { key: "p", extra: { drops: "all" }, hash: "drops-title" })).toBe("/dashboard?range=1y&drops=all&p=2#drops-title");
  });
});
