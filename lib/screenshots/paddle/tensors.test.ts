import { describe, expect, test } from "vitest";
import { bands, ceilTo, markText, toPlanes } from "./tensors";

describe("ceilTo", () => {
  test.each([
    [1, 32],
    [32, 32],
    [33, 64],
    [720, 736],
    [0, 32],
  ])("%i → %i", (n, out) => expect(ceilTo(n)).toBe(out));
});

describe("toPlanes", () => {
  // A 2×2 RGB image: red, green / blue, white.
  const rgb = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
  const image = { width: 2, height: 2 };

  test("B, G, R planes of values 0–1", () => {
    const out = toPlanes(rgb, image, { from: 0, to: 2 }, 2);
    expect([...out]).toEqual([0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1]);
  });

  test("padding repeats the last column and the last row", () => {
    const out = toPlanes(rgb, image, { from: 1, to: 3 }, 3);
    // B plane: row 1 (blue, white, white again), row 2 past the image repeats row 1.
    expect([...out.subarray(0, 6)]).toEqual([1, 1, 1, 1, 1, 1]);
    // R plane of the same rows.
    expect([...out.subarray(12, 18)]).toEqual([0, 1, 1, 0, 1, 1]);
  });
});

describe("bands", () => {
  test("cover every row once, with context clipped to the image", () => {
    expect(bands(640, 256, 64)).toEqual([
      { from: 0, to: 320, keepFrom: 0, keepTo: 256 },
      { from: 192, to: 576, keepFrom: 256, keepTo: 512 },
      { from: 448, to: 640, keepFrom: 512, keepTo: 640 },
    ]);
  });

  test("a short image is one band", () => {
    expect(bands(224, 256, 64)).toEqual([{ from: 0, to: 224, keepFrom: 0, keepTo: 224 }]);
  });

  test("every band the model sees is a multiple of 32 rows", () => {
    for (const b of bands(4000 - (4000 % 32), 256, 64)) expect((b.to - b.from) % 32).toBe(0);
  });

  test("refuses sizes the model cannot take", () => {
    expect(() => bands(100, 256, 64)).toThrow(/multiples of 32/);
  });
});

describe("markText", () => {
  test("writes only the band's kept rows, thresholded", () => {
    const mask = new Uint8Array(2 * 4).fill(7);
    // The band saw rows 1–3; it keeps row 2 only.
    const probabilities = new Float32Array([0.9, 0.9, 0.02, 0.5, 0.9, 0.9]);
    markText(mask, probabilities, 2, { from: 1, to: 4, keepFrom: 2, keepTo: 3 });
    expect([...mask]).toEqual([7, 7, 7, 7, 0, 255, 7, 7]);
  });
});
