import { describe, expect, it } from "vitest";
import { allDropsHref } from "./all-drops-href";

describe("allDropsHref", () => {
  it("keeps the chart's parameters, repeated ones included, and replaces drops", () => {
    expect(allDropsHref({ range: "all", show: ["", "borrow"], drops: "10" })).toBe("/dashboard?range=all&show=&show=borrow&drops=all#drops-title");
  });
  it("works from a bare dashboard", () => {
    expect(allDropsHref({})).toBe("/dashboard?drops=all#drops-title");
  });
});
