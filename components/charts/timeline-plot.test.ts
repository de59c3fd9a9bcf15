import { describe, expect, it } from "vitest";
import type { DropMarker, TimelineRange } from "@/lib/timeline/types";
import { DAY_MS } from "./chart-rows";
import { PLOT_HEIGHT, PLOT_UNITS, holdToEnd, limitAxis, monotonePath, niceStep, scale, scoreAxis, stepAfterPath, timeTicks, timelinePlot, xPadDays } from "./timeline-plot";

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

  it("limit axis is ticked from 0 to a step above the highest limit, with room below 0", () => {
    // ¥30,000 exactly on a step: the axis goes one step higher, so the line is not the frame's top.
    expect(limitAxis(30000)).toEqual({ domain: [-1600, 40000], ticks: [0, 10000, 20000, 30000, 40000] });
    expect(limitAxis(31000)).toEqual({ domain: [-1600, 40000], ticks: [0, 10000, 20000, 30000, 40000] });
    expect(limitAxis(14000)).toEqual({ domain: [-600, 15000], ticks: [0, 5000, 10000, 15000] });
    expect(limitAxis(0)).toEqual({ domain: [-0.04, 1], ticks: [0, 1] });
  });

  it.each([1, 999, 5000, 14000, 20000, 30000, 123456])("a limit of %d lies inside the frame, and so does ¥0", (max) => {
    const [lo, hi] = limitAxis(max).domain;
    const y = scale([lo, hi], true);
    expect(y(max)).toBeGreaterThanOrEqual(0.04 * PLOT_UNITS); // at least 4% below the top edge
    expect(y(0)).toBeLessThanOrEqual(0.965 * PLOT_UNITS); // and ¥0 above the bottom edge
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
    // x runs to 204 (4% past the range's end); the limit axis from -1,000 to 25,000.
    expect(plot.axes.x.domain).toEqual([100, 204]);
    expect(plot.axes.limit.domain).toEqual([-1000, 25000]);
    expect(plot.drops).toEqual([{ drop, left: 48.08, top: 57.69 }]);
  });

  it("draws only bands inside the score window, and only the overlays switched on", () => {
    expect(plot.axes.score.domain).toEqual([600, 750]);
    expect(plot.bands.map((b) => b.key)).toEqual(["good"]);
    expect(plot.bands[0]).toEqual({ key: "good", y: 333.3, height: 333.3 });
    expect(plot.lanes).toEqual([{ kind: "inquiry", y: 625, xs: [480.8] }]);
  });

  it("puts tick labels where the scales put the values", () => {
    expect(plot.limitTicks[0]).toEqual({ v: 0, top: Math.round((25 / 26) * PLOT_HEIGHT * 10) / 10 });
    expect(plot.limitTicks.at(-1)).toEqual({ v: 25000, top: 0 });
    // Held to the padded end: 20,000 until day 150, then 10,000 to day 204.
    expect(plot.limitPath).toBe("M0 192.3H471.2V192.3H480.8V576.9H961.5V576.9H1000V576.9");
  });

  it("a drop on the last day shows its new level as a step before the right edge", () => {
    const last: TimelineRange = { ...range, limit: [[100, 30000], [199, 30000], [200, 0]] };
    const p = timelinePlot(last, [{ ...drop, d: 200, previousLimit: 30000, newLimit: 0 }], [], { min: 350, max: 950 }, new Set());
    const x200 = Math.round(scale(p.axes.x.domain)(200) * 10) / 10;
    const y0 = Math.round(scale(p.axes.limit.domain, true)(0) * 10) / 10;
    // …falls at x(200) to y(0) (above the bottom edge), then runs level to the axis's end.
    expect(x200).toBeLessThan(970);
    expect(p.limitPath.endsWith(`H${x200}V${y0}H1000V${y0}`)).toBe(true);
    expect(p.drops[0]!.left).toBeLessThan(97);
    expect(p.drops[0]!.top).toBeLessThan(97);
  });

  it("draws no score axis and no bands when the range has no score", () => {
    const p = timelinePlot({ ...range, score: [] }, [drop], [{ key: "good", from: 650, to: 700 }], { min: 350, max: 950 }, new Set());
    expect(p.axes.hasScore).toBe(false);
    expect(p.scoreTicks).toEqual([]);
    expect(p.bands).toEqual([]);
    expect(p.scorePath).toBe("");
    expect(plot.axes.hasScore).toBe(true);
  });

  it("holdToEnd and xPadDays", () => {
    expect(holdToEnd([[1, 5], [3, 0]], 10)).toEqual([[1, 5], [3, 0], [10, 0]]);
    expect(holdToEnd([[1, 5], [10, 0]], 10)).toEqual([[1, 5], [10, 0]]);
    expect(holdToEnd([], 10)).toEqual([]);
    expect(xPadDays(0)).toBe(1);
    expect(xPadDays(365)).toBe(15);
  });
});
