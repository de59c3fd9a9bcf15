import { describe, expect, it } from "vitest";
import type { TimelineRange } from "@/lib/timeline/types";
import { chartRows, scoreDomain } from "./chart-rows";

const range: TimelineRange = {
  key: "3m",
  from: 100,
  to: 110,
  limit: [[100, 30000], [105, 0], [110, 0]],
  score: [[100, 700], [110, 650]],
  bucketDays: 1,
  overlays: { borrow: [[102, 2, 800]], repayment: [[105, 1, 100]], inquiry: [[103, 1, 0]], notice: [] },
};

describe("chartRows", () => {
  it("merges series and only the overlays switched on, sorted by day", () => {
    const rows = chartRows(range, new Set(["borrow"]));
    expect(rows.map((r) => r.d)).toEqual([100, 102, 105, 110]);
    expect(rows[0]).toEqual({ d: 100, limit: 30000, score: 700 });
    expect(rows[1]).toEqual({ d: 102, borrow: 2, borrowSum: 800, lane_borrow: 4 });
    expect(rows.find((r) => r.d === 105)?.repayment).toBeUndefined();
  });
});

describe("scoreDomain", () => {
  it("pads the observed scores to round steps within the scale", () => {
    expect(scoreDomain([[0, 640], [1, 712]], { min: 350, max: 950 })).toEqual([600, 750]);
  });
  it("never leaves the scale", () => {
    expect(scoreDomain([[0, 355], [1, 945]], { min: 350, max: 950 })).toEqual([350, 950]);
  });
  it("shows the whole scale when there is no score", () => {
    expect(scoreDomain([], { min: 300, max: 850 })).toEqual([300, 850]);
  });
});
