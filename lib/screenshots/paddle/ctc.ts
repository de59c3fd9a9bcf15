/**
 * Pure pieces of recognition: the recogniser's per-step character probabilities to text (CTC
 * greedy decoding, as PaddleOCR and the engine library do it), and the library's joining of the
 * boxes that sit on one visual line into one line of text.
 */

export type Point = [number, number];
/** Corners clockwise from the top left, in detection pixels. */
export type Quad = [Point, Point, Point, Point];
export type TextLine = { text: string; mean: number; box: Quad };

/**
 * Greedy CTC: the likeliest class at each of `steps` steps, blanks (class 0) and repeats dropped;
 * class k is dictionary[k − 1]. `mean` is the mean probability of the characters kept (0 when
 * none).
 */
export function decodeCtc(probabilities: Float32Array, steps: number, classes: number, dictionary: readonly string[]): { text: string; mean: number } {
  let text = "";
  let sum = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    let best = 0;
    let bestP = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < classes; c++) {
      const p = probabilities[row + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? "";
      sum += bestP;
      kept++;
    }
    previous = best;
  }
  return { text, mean: kept ? sum / kept : 0 };
}

/**
 * Drops lines read with a mean probability under 0.5, then joins the boxes whose midlines are
 * within half the average box height of a line's first box (a label and its number side by side),
 * left to right, lines top to bottom. The order given matters as it did in the library: a box
 * joins the first line it fits.
 */
export function joinLines(lines: readonly TextLine[]): { text: string; mean: number; box: Quad }[] {
  const kept = lines.filter((l) => l.mean >= 0.5);
  if (!kept.length) return [];
  const averageHeight = kept.reduce((s, l) => s + (l.box[2][1] - l.box[0][1]), 0) / kept.length;
  const midline = (b: Quad) => (b[0][1] + b[2][1]) / 2;
  const groups: TextLine[][] = [];
  for (const line of kept) {
    const group = groups.find((g) => Math.abs(midline(g[0]!.box) - midline(line.box)) < averageHeight / 2);
    if (group) group.push(line);
    else groups.push([line]);
  }
  for (const g of groups) g.sort((a, b) => a.box[0][0] - b.box[0][0]);
  groups.sort((a, b) => a[0]!.box[0][1] - b[0]!.box[0][1]);
  return groups.map((g) => {
    const first = g[0]!.box;
    const last = g.at(-1)!.box;
    return { text: g.map((l) => l.text).join(" "), mean: g.reduce((s, l) => s + l.mean, 0) / g.length, box: [first[0], last[1], last[2], first[3]] };
  });
}
