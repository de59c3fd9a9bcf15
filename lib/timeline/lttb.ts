/**
 * Largest-triangle-three-buckets downsampling with points that must survive (drops, range ends).
 * The series is cut at every kept point and each piece gets a share of the budget proportional
 * to its length, so a kept point never costs a neighbouring bucket its most telling point and the
 * output never exceeds max(threshold, kept points).
 */

/** [day number, value]: compact on the wire (about 14 bytes per point as JSON). */
export type Point = [number, number];

/** Plain LTTB over pts[from..to] (inclusive) down to `target` points including both ends. */
function lttbSlice(pts: readonly Point[], from: number, to: number, target: number, out: Point[]): void {
  const n = to - from + 1;
  if (target >= n) {
    for (let i = from; i <= to; i++) out.push(pts[i]!);
    return;
  }
  out.push(pts[from]!);
  if (target > 2) {
    // Interior points are split into target-2 buckets; each contributes its largest triangle.
    const every = (n - 2) / (target - 2);
    let a = from;
    for (let b = 0; b < target - 2; b++) {
      const start = from + 1 + Math.floor(b * every);
      const end = from + 1 + Math.floor((b + 1) * every);
      // Average of the next bucket (or the last point) is the triangle's third corner.
      const nStart = end;
      const nEnd = Math.min(from + 1 + Math.floor((b + 2) * every), to + 1);
      let avgX = 0;
      let avgY = 0;
      const count = Math.max(nEnd - nStart, 1);
      if (nEnd > nStart) {
        for (let j = nStart; j < nEnd; j++) {
          avgX += pts[j]![0];
          avgY += pts[j]![1];
        }
        avgX /= count;
        avgY /= count;
      } else {
        avgX = pts[to]![0];
        avgY = pts[to]![1];
      }
      const [ax, ay] = pts[a]!;
      let best = start;
      let bestArea = -1;
      for (let j = start; j < Math.min(end, to); j++) {
        const [x, y] = pts[j]!;
        const area = Math.abs((ax - avgX) * (y - ay) - (ax - x) * (avgY - ay));
        if (area > bestArea) {
          bestArea = area;
          best = j;
        }
      }
      out.push(pts[best]!);
      a = best;
    }
  }
  out.push(pts[to]!);
}

/**
 * Downsample `pts` (sorted by x) to about `threshold` points. Invariants: the first and last
 * points and every index in `keep` are in the output; output is a subsequence of the input;
 * length <= max(threshold, keep.size + 2).
 */
export function lttb(pts: readonly Point[], threshold: number, keep: ReadonlySet<number> = new Set()): Point[] {
  const n = pts.length;
  if (n <= Math.max(threshold, 2)) return pts.slice();
  const anchors = [...new Set([0, n - 1, ...[...keep].filter((i) => i > 0 && i < n - 1)])].sort((x, y) => x - y);
  const interiorBudget = Math.max(threshold - anchors.length, 0);
  const interior = n - anchors.length;
  // Largest-remainder apportionment of the interior budget among the pieces.
  const pieces = anchors.slice(1).map((to, i) => {
    const from = anchors[i]!;
    const size = to - from - 1;
    const exact = interior > 0 ? (size * interiorBudget) / interior : 0;
    return { from, to, size, share: Math.min(Math.floor(exact), size), frac: exact - Math.floor(exact) };
  });
  let left = interiorBudget - pieces.reduce((s, p) => s + p.share, 0);
  for (const p of [...pieces].sort((x, y) => y.frac - x.frac)) {
    if (left <= 0) break;
    if (p.share < p.size) {
      p.share++;
      left--;
    }
  }
  const out: Point[] = [];
  for (const p of pieces) {
    const piece: Point[] = [];
    lttbSlice(pts, p.from, p.to, p.share + 2, piece);
    // Each piece starts with the previous piece's last anchor: add it only once.
    if (out.length > 0) piece.shift();
    out.push(...piece);
  }
  return out;
}

/**
 * Drops the interior of runs of equal values: exact for a step line and for a straight line,
 * so it costs nothing visible. Indices in `keep` are never removed.
 */
export function compressRuns(pts: readonly Point[], keep: ReadonlySet<number> = new Set()): { points: Point[]; kept: Set<number> } {
  const points: Point[] = [];
  const kept = new Set<number>();
  for (let i = 0; i < pts.length; i++) {
    const prev = pts[i - 1];
    const next = pts[i + 1];
    const interior = prev !== undefined && next !== undefined && prev[1] === pts[i]![1] && next[1] === pts[i]![1];
    if (!interior || keep.has(i)) {
      if (keep.has(i)) kept.add(points.length);
      points.push(pts[i]!);
    }
  }
  return { points, kept };
}
