import { describe, expect, it } from "vitest";
import { scoreBands } from "./score-bands";

describe("scoreBands", () => {
  it("uses Sesame's published bands on 350–950", () => {
    expect(scoreBands({ min: 350, max: 950 }).map((b) => [b.from, b.to])).toEqual([
      [350, 550], [550, 600], [600, 650], [650, 700], [700, 950],
    ]);
  });

  it("uses FICO's bands on 300–850", () => {
    expect(scoreBands({ min: 300, max: 850 })[2]).toEqual({ key: "good", from: 670, to: 740 });
  });

  it("stretches Sesame's cut points onto any other scale, contiguous and covering it", () => {
    const bands = scoreBands({ min: 0, max: 100 });
    expect(bands[0]!.from).toBe(0);
    expect(bands[4]!.to).toBe(100);
    for (let i = 1; i < bands.length; i++) expect(bands[i]!.from).toBe(bands[i - 1]!.to);
    expect(bands[1]!.from).toBe(33);
  });
});
