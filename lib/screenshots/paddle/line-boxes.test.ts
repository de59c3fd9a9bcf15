/** OpenCV's WASM runs here as in the engine: boxes from a drawn mask, crops from a drawn image. */
import { beforeAll, describe, expect, test } from "vitest";
import { cropBoxes, findBoxes } from "./line-boxes";
import { openCv, type Cv } from "./opencv";

let cv: Cv;
beforeAll(async () => {
  ({ cv } = await openCv());
});

const W = 160;
const H = 96;

function maskWith(rects: [number, number, number, number][]): Uint8Array {
  const mask = new Uint8Array(W * H);
  for (const [x, y, w, h] of rects) for (let r = y; r < y + h; r++) mask.fill(255, r * W + x, r * W + x + w);
  return mask;
}

describe("findBoxes", () => {
  test("each text blob becomes a box grown around it; specks are dropped", () => {
    const boxes = findBoxes(cv, maskWith([[20, 10, 100, 12], [30, 60, 40, 10], [140, 80, 2, 2]]), { width: W, height: H });
    const bounds = boxes
      .map((b) => [Math.min(...b.map((p) => p[0])), Math.min(...b.map((p) => p[1])), Math.max(...b.map((p) => p[0])), Math.max(...b.map((p) => p[1]))])
      .sort((a, b) => a[1]! - b[1]!);
    expect(bounds).toHaveLength(2);
    // Grown by area × 1.5 / perimeter (about 8 and 6 px) and clipped to the image.
    expect(bounds[0]![0]).toBeLessThan(20);
    expect(bounds[0]![2]).toBeGreaterThan(119);
    expect(bounds[0]![1]).toBeGreaterThanOrEqual(0);
    expect(bounds[1]![1]).toBeLessThan(60);
    expect(bounds[1]![3]).toBeGreaterThan(69);
  });

  test("an empty mask has no boxes", () => {
    expect(findBoxes(cv, new Uint8Array(W * H), { width: W, height: H })).toEqual([]);
  });
});

describe("cropBoxes", () => {
  test("cuts the box's pixels out, upright, as RGB", () => {
    // A grey image with a red 40×10 block at (30, 20).
    const rgb = new Uint8Array(W * H * 3).fill(128);
    for (let y = 20; y < 30; y++) for (let x = 30; x < 70; x++) rgb.set([255, 0, 0], (y * W + x) * 3);
    const [crop] = cropBoxes(cv, rgb, { width: W, height: H }, [[[30, 20], [70, 20], [70, 30], [30, 30]]]);
    expect([crop!.width, crop!.height]).toEqual([40, 10]);
    expect(crop!.rgb).toHaveLength(40 * 10 * 3);
    expect([...crop!.rgb.subarray(5 * 40 * 3 + 60, 5 * 40 * 3 + 63)]).toEqual([255, 0, 0]);
  });

  test("a box much taller than wide is turned a quarter", () => {
    const [crop] = cropBoxes(cv, new Uint8Array(W * H * 3), { width: W, height: H }, [[[10, 10], [20, 10], [20, 50], [10, 50]]]);
    expect([crop!.width, crop!.height]).toEqual([40, 10]);
  });
});
