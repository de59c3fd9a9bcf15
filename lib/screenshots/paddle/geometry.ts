/**
 * Pure geometry of PaddleOCR's DB post-processing, as the engine library (@gutenye/ocr-common's
 * splitIntoLineImages) does it: a rotated rectangle's corners, their order, and growing a box by
 * the "unclip" ratio, so boxes come out exactly as they did when the library drew them.
 */
import ClipperLib from "js-clipper";
import type { Point, Quad } from "./ctc";

export type RotatedRect = { center: { x: number; y: number }; size: { width: number; height: number }; angle: number };

/** The four corners of a rotated rectangle (OpenCV's minAreaRect result), angle in degrees. */
export function boxPoints({ center, size, angle }: RotatedRect): Point[] {
  const theta = (angle * Math.PI) / 180;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const dx = size.width / 2;
  const dy = size.height / 2;
  return [
    [center.x - dx * cos + dy * sin, center.y - dx * sin - dy * cos],
    [center.x + dx * cos + dy * sin, center.y + dx * sin - dy * cos],
    [center.x + dx * cos - dy * sin, center.y + dx * sin + dy * cos],
    [center.x - dx * cos - dy * sin, center.y - dx * sin + dy * cos],
  ];
}

/**
 * The corners sorted left to right, then each pair by height: top left, top right, bottom right,
 * bottom left; with the rectangle's shorter side (boxes thinner than a few pixels are noise).
 */
export function miniBox(rect: RotatedRect): { points: Quad; shortSide: number } {
  const p = boxPoints(rect).sort((a, b) => a[0] - b[0]);
  const [tl, bl] = p[1]![1] > p[0]![1] ? [p[0]!, p[1]!] : [p[1]!, p[0]!];
  const [tr, br] = p[3]![1] > p[2]![1] ? [p[2]!, p[3]!] : [p[3]!, p[2]!];
  return { points: [tl, tr, br, bl], shortSide: Math.min(rect.size.width, rect.size.height) };
}

/** Grows a box outwards by area × 1.5 / perimeter (DB's unclip); flat [x0, y0, x1, y1, …]. */
export function unclip(box: readonly Point[], ratio = 1.5): number[] {
  const distance = (Math.abs(area(box)) * ratio) / perimeter(box);
  const offset = new ClipperLib.ClipperOffset();
  offset.AddPath(box.map(([X, Y]) => ({ X, Y })), ClipperLib.JoinType.jtRound, ClipperLib.EndType.etClosedPolygon);
  const expanded: { X: number; Y: number }[][] = [];
  offset.Execute(expanded, distance);
  return (expanded[0] ?? []).flatMap((p) => [p.X, p.Y]);
}

/**
 * Top left (smallest x + y), bottom right (largest), then the other two by y − x. Returns the
 * same point objects, so rounding them rounds the box they came from (the library relied on it).
 */
export function orderClockwise(pts: Quad): Quad {
  const s = pts.map((p) => p[0] + p[1]);
  const tl = pts[s.indexOf(Math.min(...s))]!;
  const br = pts[s.indexOf(Math.max(...s))]!;
  const rest = pts.filter((p) => p !== tl && p !== br);
  const diff = rest[1]!.map((v, i) => v - rest[0]![i]!);
  return [tl, rest[diff.indexOf(Math.min(...diff))]!, br, rest[diff.indexOf(Math.max(...diff))]!];
}

export const distance = (a: Point, b: Point): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

function area(polygon: readonly Point[]): number {
  let sum = 0;
  let b = polygon.at(-1)!;
  for (const a of polygon) {
    sum += b[1] * a[0] - b[0] * a[1];
    b = a;
  }
  return sum / 2;
}

function perimeter(polygon: readonly Point[]): number {
  let sum = 0;
  let b = polygon.at(-1)!;
  for (const a of polygon) {
    sum += distance(a, b);
    b = a;
  }
  return sum;
}
