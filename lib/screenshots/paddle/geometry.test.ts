import { describe, expect, test } from "vitest";
import { boxPoints, miniBox, orderClockwise, unclip } from "./geometry";
import type { Quad } from "./ctc";

describe("boxPoints and miniBox", () => {
  test("an upright rectangle's corners, top left first, clockwise", () => {
    const rect = { center: { x: 50, y: 20 }, size: { width: 80, height: 20 }, angle: 0 };
    expect(boxPoints(rect)).toEqual([[10, 10], [90, 10], [90, 30], [10, 30]]);
    expect(miniBox(rect)).toEqual({ points: [[10, 10], [90, 10], [90, 30], [10, 30]], shortSide: 20 });
  });

  test("OpenCV's −90° rectangle (sides swapped) gives the same box", () => {
    const { points } = miniBox({ center: { x: 50, y: 20 }, size: { width: 20, height: 80 }, angle: -90 });
    expect(points.map((p) => p.map((v) => Math.round(v * 1e6) / 1e6))).toEqual([[10, 10], [90, 10], [90, 30], [10, 30]]);
  });
});

describe("unclip", () => {
  test("grows an 80×20 box by area × 1.5 / perimeter = 12 px on each side", () => {
    const grown = unclip([[10, 10], [90, 10], [90, 30], [10, 30]]);
    const xs = grown.filter((_, i) => i % 2 === 0);
    const ys = grown.filter((_, i) => i % 2 === 1);
    expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]).toEqual([-2, 102, -2, 42]);
  });
});

describe("orderClockwise", () => {
  test("returns the same points, reordered from the top left", () => {
    const pts: Quad = [[90, 30], [10, 10], [10, 30], [90, 10]];
    const out = orderClockwise(pts);
    expect(out).toEqual([[10, 10], [90, 10], [90, 30], [10, 30]]);
    expect(out[0]).toBe(pts[1]);
  });
});
