/**
 * DB post-processing (PaddleOCR's, as @gutenye/ocr-common's splitIntoLineImages does it): the
 * text mask's contours become slightly grown boxes, and each box is cut out of the image and
 * straightened for the recogniser. Same steps and thresholds as the library, with one source Mat
 * per image instead of one per box and every Mat deleted.
 */
import { distance, miniBox, orderClockwise, unclip } from "./geometry";
import type { Cv } from "./opencv";
import type { Quad } from "./ctc";

type Size = { width: number; height: number };
export type LineCrop = { box: Quad; rgb: Uint8Array; width: number; height: number };

const MIN_SIDE = 3;

/** Boxes of text in a 0/255 mask (width × height, one byte a pixel), corners in mask pixels. */
export function findBoxes(cv: Cv, mask: Uint8Array, size: Size): Quad[] {
  const src = new cv.Mat(size.height, size.width, cv.CV_8UC1);
  const contours = new cv.MatVector();
  const hierarchy = new cv.Mat();
  const boxes: Quad[] = [];
  try {
    src.data.set(mask);
    cv.findContours(src, contours, hierarchy, cv.RETR_LIST, cv.CHAIN_APPROX_SIMPLE);
    for (let i = 0; i < contours.size(); i++) {
      const contour = contours.get(i);
      const first = miniBox(cv.minAreaRect(contour));
      contour.delete();
      if (first.shortSide < MIN_SIDE) continue;
      const grown = unclip(first.points);
      if (grown.length < 6) continue;
      const points = cv.matFromArray(grown.length / 2, 1, cv.CV_32SC2, grown);
      const { points: box, shortSide } = miniBox(cv.minAreaRect(points));
      points.delete();
      if (shortSide < MIN_SIDE + 2) continue;
      // Rounds and clips the box's own points (orderClockwise returns them, not copies).
      const ordered = orderClockwise(box);
      for (const p of ordered) {
        p[0] = clamp(Math.round(p[0]), size.width);
        p[1] = clamp(Math.round(p[1]), size.height);
      }
      if (Math.trunc(distance(ordered[0], ordered[1])) <= 3 || Math.trunc(distance(ordered[0], ordered[3])) <= 3) continue;
      boxes.push(box);
    }
  } finally {
    src.delete();
    contours.delete();
    hierarchy.delete();
  }
  return boxes;
}

/**
 * Each box cut out of the image (RGB, 3 bytes a pixel, `size` its own unpadded size) with a
 * perspective warp to an upright rectangle; a box much taller than wide is turned a quarter, as
 * vertical text is. Boxes reaching into the padding past the image repeat its edge pixels.
 */
export function cropBoxes(cv: Cv, rgb: Uint8Array, size: Size, boxes: readonly Quad[]): LineCrop[] {
  const src = new cv.Mat(size.height, size.width, cv.CV_8UC3);
  try {
    src.data.set(rgb);
    return boxes.map((box) => ({ box, ...crop(cv, src, box) }));
  } finally {
    src.delete();
  }
}

function crop(cv: Cv, src: InstanceType<Cv["Mat"]>, box: Quad): { rgb: Uint8Array; width: number; height: number } {
  const width = Math.trunc(Math.max(distance(box[0], box[1]), distance(box[2], box[3])));
  const height = Math.trunc(Math.max(distance(box[0], box[3]), distance(box[1], box[2])));
  const from = cv.matFromArray(4, 1, cv.CV_32FC2, box.flat());
  const to = cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, width, 0, width, height, 0, height]);
  const m = cv.getPerspectiveTransform(from, to);
  const dst = new cv.Mat();
  let turned: InstanceType<Cv["Mat"]> | null = null;
  let rotation: InstanceType<Cv["Mat"]> | null = null;
  try {
    cv.warpPerspective(src, dst, m, new cv.Size(width, height), cv.INTER_CUBIC, cv.BORDER_REPLICATE, new cv.Scalar());
    let out = dst;
    if (dst.rows / dst.cols >= 1.5) {
      turned = new cv.Mat();
      rotation = cv.getRotationMatrix2D(new cv.Point(dst.cols / 2, dst.cols / 2), 90, 1);
      cv.warpAffine(dst, turned, rotation, new cv.Size(dst.rows, dst.cols), cv.INTER_CUBIC, cv.BORDER_REPLICATE, new cv.Scalar());
      out = turned;
    }
    // A copy: Mat.data is a view into the WASM heap, gone once the Mat is deleted.
    return { rgb: out.data.slice(), width: out.cols, height: out.rows };
  } finally {
    for (const mat of [from, to, m, dst, turned, rotation]) mat?.delete();
  }
}

function clamp(v: number, max: number): number {
  return Math.max(0, Math.min(v, max));
}
