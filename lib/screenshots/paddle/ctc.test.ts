import { describe, expect, test } from "vitest";
import { decodeCtc, joinLines, type Quad, type TextLine } from "./ctc";

const DICT = ["借", "呗", "1", "0"];

/** One step per class index, with probability p for it and the rest shared. */
function steps(classes: number, picks: [number, number][]): Float32Array {
  const out = new Float32Array(picks.length * classes);
  picks.forEach(([c, p], t) => {
    for (let k = 0; k < classes; k++) out[t * classes + k] = k === c ? p : (1 - p) / (classes - 1);
  });
  return out;
}

describe("decodeCtc", () => {
  test("drops blanks and repeats; a blank between repeats keeps both", () => {
    const r = decodeCtc(steps(5, [[1, 0.9], [1, 0.9], [0, 0.99], [2, 0.8], [3, 0.7], [0, 0.9], [3, 0.9]]), 7, 5, DICT);
    expect(r.text).toBe("借呗11");
    // The mean of the kept characters' probabilities: the first of each run, no blanks.
    expect(r.mean).toBeCloseTo((0.9 + 0.8 + 0.7 + 0.9) / 4, 6);
  });

  test("only blanks read as nothing with mean 0", () => {
    expect(decodeCtc(steps(5, [[0, 0.9], [0, 0.8]]), 2, 5, DICT)).toEqual({ text: "", mean: 0 });
  });
});

const box = (x: number, y: number, w: number, h: number): Quad => [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
const line = (text: string, b: Quad, mean = 0.95): TextLine => ({ text, mean, box: b });

describe("joinLines", () => {
  test("a label and its number on one visual line join left to right; lines come top to bottom", () => {
    const out = joinLines([line("30,000.00", box(300, 102, 120, 30)), line("可借额度", box(20, 40, 100, 30)), line("总额度", box(20, 100, 80, 30))]);
    expect(out.map((l) => l.text)).toEqual(["可借额度", "总额度 30,000.00"]);
    expect(out[1]!.box).toEqual([[20, 100], [420, 102], [420, 132], [20, 130]]);
    expect(out[1]!.mean).toBeCloseTo(0.95, 6);
  });

  test("lines read with a mean under 0.5 are dropped before joining", () => {
    expect(joinLines([line("noise", box(0, 0, 10, 30), 0.4), line("借呗", box(0, 50, 60, 30))]).map((l) => l.text)).toEqual(["借呗"]);
    expect(joinLines([line("noise", box(0, 0, 10, 30), 0.1)])).toEqual([]);
  });
});
