import { describe, expect, it } from "vitest";
import type { TimelineRange } from "@/lib/timeline/types";
import { initialRange, timelineHref, timelineParams } from "./timeline-params";

const range = (from: number): TimelineRange => ({ key: "1y", from, to: 1000, limit: [], score: [], bucketDays: 1, overlays: { borrow: [], repayment: [], inquiry: [], notice: [] } });
const data = { drops: [], ranges: { "3m": range(900), "1y": range(635), all: range(0) } };
const oldDrop = { d: 100, date: "1970-04-11", previousLimit: 2, newLimit: 1, kind: "decrease" as const, temporary: false, mainReason: null };

describe("timelineParams", () => {
  it.each([
    ["no parameters: the initial range and the default overlays", {}, { range: "1y", overlays: ["borrow", "inquiry"] }],
    ["a known range", { range: "all" }, { range: "all", overlays: ["borrow", "inquiry"] }],
    ["an unknown range falls back", { range: "5y" }, { range: "1y", overlays: ["borrow", "inquiry"] }],
    ["show as a comma list, in the fixed order, unknown kinds dropped", { show: "notice,borrow,x" }, { range: "1y", overlays: ["borrow", "notice"] }],
    ["show repeated by a form, with its empty sentinel", { show: ["", "repayment", "inquiry"] }, { range: "1y", overlays: ["repayment", "inquiry"] }],
    ["show present but empty: no overlays", { show: "" }, { range: "1y", overlays: [] }],
  ] as const)("%s", (_name, params, expected) => {
    expect(timelineParams(params, data)).toEqual(expected);
  });

  it("starts on everything when the latest drop is older than a year", () => {
    expect(initialRange({ ...data, drops: [oldDrop] })).toBe("all");
    expect(timelineParams({}, { ...data, drops: [oldDrop] }).range).toBe("all");
  });
});

describe("timelineHref", () => {
  it("writes both parameters, so the link means the same from any page state", () => {
    expect(timelineHref("/dashboard", "3m", ["inquiry", "borrow"])).toBe("/dashboard?range=3m&show=borrow,inquiry");
    expect(timelineHref("/dashboard", "all", [])).toBe("/dashboard?range=all&show=");
  });
});
