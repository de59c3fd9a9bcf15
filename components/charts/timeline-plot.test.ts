import { describe, expect, it } from "vitest";
import type { DropMarker, TimelineRange } from "@/lib/timeline/types";
import { DAY_MS } from "./chart-rows";
import { PLOT_HEIGHT, limitAxis, monotonePath, niceStep, scoreAxis, stepAfterPath, timeTicks, timelinePlot } from "./timeline-plot";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const iso = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);

describe("axes", () => {
  it.each([
    [0.3, 0.5],
    [1, 1],
    [1.2, 2],
    [2.2, 2.5],
    [3, 5],
    [7500, 10000],
    [12000, 20000],
  ])("niceStep(%d) = %d", (rough, step) => expect(niceStep(rough)).toBe(step));

  it("limit axis runs from 0 to the first step at or above the highest limit", () => {
    expect(limitAxis(30000)).toEqual({ domain: [0, 30000], ticks: [0, 10000, 20000, 30000] });
    expect(limitAxis(31000)).toEqual({ domain: [0, 40000], ticks: [0, 10000, 20000, 30000, 40000] });
    expect(limitAxis(14000)).toEqual({ domain: [0, 15000], ticks: [0, 5000, 10000, 15000] });
    expect(limitAxis(0)).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });

  it("score axis ticks stay inside scoreDomain's window", () => {
    const { domain, ticks } = scoreAxis([[1, 640], [2, 710]], { min: 350, max: 950 });
    expect(domain).toEqual([600, 750]);
    expect(ticks).toEqual([600, 650, 700, 750]);
  });

  it("time ticks are first days of months or years, at most five, inside the range", () => {
    const year = timeTicks(day("2025-11-23"), day("2026-11-22")).map(iso);
    expect(year).toEqual(["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"]);
    const quarter = timeTicks(day("2026-08-23"), day("2026-11-22")).map(iso);
    expect(quarter).toEqual(["2026-09-01", "2026-10-01", "2026-11-01"]);
    const decade = timeTicks(day("2016-11-23"), day("2026-11-22")).map(iso);
    expect(decade).toEqual(["2018-01-01", "2020-01-01", "2022-01-01", "2024-01-01", "2026-01-01"]);
  });
});

describe("paths", () => {
  it("stepAfter holds each value until the next point's x", () => {
    expect(stepAfterPath([[0, 10], [50, 10], [50.04, 300], [100, 300]])).toBe("M0 10H50V10H50V300H100V300");
  });

  it("monotone passes through every point and never overshoots a flat run", () => {
    const d = monotonePath([[0, 100], [10, 100], [20, 0], [30, 0]]);
    expect(d.startsWith("M0 100C")).toBe(true);
    // Segment ends are the points themselves.
    expect(d.match(/ (\S+ \S+)(?=C|$)/g)?.map((s) => s.trim())).toEqual(["10 100", "20 0", "30 0"]);
    // Control points of the flat first segment stay flat (tangent 0 at a local extremum).
    expect(d).toContain("C3.3 100 6.7 100 10 100");
    // Every control point's y stays within the data's 0..100.
    const ys = [...d.matchAll(/[ C](-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[2]));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(100);
  });

  it("two points are a straight line", () => {
    expect(monotonePath([[0, 0], [10, 5]])).toBe("M0 0L10 5");
  });
});

describe("timelinePlot", () => {
  const range: TimelineRange = {
    key: "1y",
    from: 100,
    to: 200,
    limit: [[100, 20000], [149, 20000], [150, 10000], [200, 10000]],
    score: [[100, 700], [200, 650]],
    bucketDays: 1,
    overlays: { borrow: [[120, 1, 500]], repayment: [], inquiry: [[150, 2, 0]], notice: [] },
  };
  const drop: DropMarker = { d: 150, date: "1970-05-31", previousLimit: 20000, newLimit: 10000, kind: "decrease", temporary: false, mainReason: null };
  const outside: DropMarker = { ...drop, d: 90, date: "1970-04-01" };
  const plot = timelinePlot(range, [outside, drop], [{ key: "good", from: 650, to: 700 }, { key: "excellent", from: 800, to: 950 }], { min: 350, max: 950 }, new Set(["inquiry"]));

  it("places a drop at its day and new limit, and leaves out drops outside the range", () => {
    expect(plot.drops).toEqual([{ drop, left: 50, top: 50 }]);
  });

  it("draws only bands inside the score window, and only the overlays switched on", () => {
    expect(plot.axes.score.domain).toEqual([600, 750]);
    expect(plot.bands.map((b) => b.key)).toEqual(["good"]);
    expect(plot.bands[0]).toEqual({ key: "good", y: 333.3, height: 333.3 });
    expect(plot.lanes).toEqual([{ kind: "inquiry", y: 625, xs: [500] }]);
  });

  it("puts tick labels where the scales put the values", () => {
    expect(plot.limitTicks[0]).toEqual({ v: 0, top: PLOT_HEIGHT });
    expect(plot.limitTicks.at(-1)).toEqual({ v: 20000, top: 0 });
    expect(plot.limitPath).toBe("M0 0H490V0H500V500H1000V500");
  });
});
