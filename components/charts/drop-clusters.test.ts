import { describe, expect, it } from "vitest";
import type { DropMarker } from "@/lib/timeline/types";
import { axisDrops, clusterDrops, MAX_DROP_MARKERS } from "./drop-clusters";
import { timelineAxes } from "./timeline-plot";

const day = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
const marker = (d: number, previousLimit: number, newLimit: number): DropMarker => ({ d, date: day(d), previousLimit, newLimit, kind: "decrease", temporary: false, mainReason: null });

describe("clusterDrops", () => {
  it("keeps drops far apart as markers of their own", () => {
    const drops = [marker(0, 100, 50), marker(500, 100, 80), marker(999, 80, 10)];
    expect(clusterDrops(drops, 0, 1000)).toEqual(drops.map((drop) => ({ drop, count: 1, first: drop.date, last: drop.date })));
  });

  it("groups drops in one slice, on the biggest fall, with their count and span", () => {
    const drops = [marker(100, 100, 90), marker(103, 90, 40), marker(105, 40, 35)];
    expect(clusterDrops(drops, 0, 2400)).toEqual([{ drop: drops[1], count: 3, first: day(100), last: day(105) }]);
  });

  it("a drop every three days for 34 years: at most MAX_DROP_MARKERS markers, every drop counted once", () => {
    const drops = Array.from({ length: 4_000 }, (_, i) => marker(i * 3, 10_000 + i, 9_000 + i));
    const clusters = clusterDrops(drops, 0, 12_000);
    expect(clusters.length).toBeLessThanOrEqual(MAX_DROP_MARKERS);
    expect(clusters.reduce((n, c) => n + c.count, 0)).toBe(4_000);
    // In date order, spans not overlapping.
    for (let i = 1; i < clusters.length; i++) expect(clusters[i]!.first > clusters[i - 1]!.last).toBe(true);
  });

  it("leaves out drops outside the range, and handles a range of one day", () => {
    const drops = [marker(5, 10, 5), marker(10, 10, 5), marker(20, 10, 5)];
    expect(clusterDrops(drops, 10, 10).map((c) => c.drop.d)).toEqual([10]);
    expect(clusterDrops([], 0, 100)).toEqual([]);
  });
});

describe("axisDrops", () => {
  it("gives the limit axis the same domain as every drop would", () => {
    const range = { key: "all" as const, from: 0, to: 1000, limit: [[0, 5_000]] as [number, number][], score: [], bucketDays: 7, overlays: { borrow: [], repayment: [], inquiry: [], notice: [] } };
    const drops = [marker(10, 8_000, 2_000), marker(400, 12_500, 9_000), marker(900, 30, 0), marker(2000, 90_000, 1)];
    const scale = { min: 350, max: 950 };
    expect(axisDrops(drops, 0, 1000)).toEqual([drops[1]]);
    expect(timelineAxes(range, axisDrops(drops, 0, 1000), scale)).toEqual(timelineAxes(range, drops, scale));
    expect(axisDrops(drops, 3000, 4000)).toEqual([]);
  });
});
