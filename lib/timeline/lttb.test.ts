import { describe, expect, it } from "vitest";
import { compressRuns, lttb, type Point } from "./lttb";

const noise = (n: number): Point[] => Array.from({ length: n }, (_, i) => [i, Math.sin(i / 7) * 10 + ((i * 7919) % 13)]);

function isSubsequence(sub: Point[], full: Point[]): boolean {
  let j = 0;
  for (const p of full) if (j < sub.length && sub[j] === p) j++;
  return j === sub.length;
}

describe("lttb", () => {
  it("returns short series unchanged", () => {
    const pts = noise(10);
    expect(lttb(pts, 20)).toEqual(pts);
  });

  it.each([
    [1000, 100],
    [5000, 37],
    [301, 300],
  ])("downsamples %i points to at most %i, keeping both ends, as a subsequence", (n, t) => {
    const pts = noise(n);
    const out = lttb(pts, t);
    expect(out.length).toBeLessThanOrEqual(t);
    expect(out.length).toBeGreaterThan(t - 3);
    expect(out[0]).toBe(pts[0]);
    expect(out[out.length - 1]).toBe(pts[n - 1]);
    expect(isSubsequence(out, pts)).toBe(true);
  });

  it("keeps every forced index even when the budget is tiny", () => {
    const pts = noise(2000);
    const keep = new Set([3, 500, 501, 1234, 1998]);
    const out = lttb(pts, 10, keep);
    for (const i of keep) expect(out).toContain(pts[i]);
    expect(out.length).toBeLessThanOrEqual(10);
  });

  it("keeps an isolated spike: the point LTTB exists to preserve", () => {
    const pts: Point[] = Array.from({ length: 1000 }, (_, i) => [i, i === 613 ? 500 : 1]);
    const out = lttb(pts, 50);
    expect(out.some(([x]) => x === 613)).toBe(true);
  });

  it("never outputs more than forced points + ends when forced exceed the threshold", () => {
    const pts = noise(500);
    const keep = new Set(Array.from({ length: 60 }, (_, i) => i * 8 + 1));
    const out = lttb(pts, 20, keep);
    expect(out.length).toBe(62);
  });
});

describe("compressRuns", () => {
  it("removes only the interior of constant runs", () => {
    const pts: Point[] = [[0, 5], [1, 5], [2, 5], [3, 7], [4, 7], [5, 7], [6, 7], [7, 1]];
    const { points } = compressRuns(pts);
    expect(points.map(([x]) => x)).toEqual([0, 2, 3, 6, 7]);
  });

  it("keeps forced points inside runs and reports their new indices", () => {
    const pts: Point[] = [[0, 5], [1, 5], [2, 5], [3, 5]];
    const { points, kept } = compressRuns(pts, new Set([1]));
    expect(points.map(([x]) => x)).toEqual([0, 1, 3]);
    expect([...kept]).toEqual([1]);
  });
});
