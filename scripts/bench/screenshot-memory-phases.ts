/**
 * The phases of scripts/bench/screenshot-memory.ts, run inside a worker thread with the pool's
 * 256 MB heap: each phase resets the process's peak RSS (/proc/self/clear_refs), runs, and reports
 * process.memoryUsage() with the peak it reached. Process-wide figures: compare the steps.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";

export type PhaseRow = { phase: string; ms: number; rssMb: number; peakMb: number; heapMb: number; externalMb: number };

const mb = (b: number) => Math.round(b / 1048576);
const peakRss = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) * 1024;

async function phase<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  writeFileSync("/proc/self/clear_refs", "5");
  const started = performance.now();
  const value = await fn();
  const m = process.memoryUsage();
  const row: PhaseRow = { phase: name, ms: Math.round(performance.now() - started), rssMb: mb(m.rss), peakMb: mb(peakRss()), heapMb: mb(m.heapUsed), externalMb: mb(m.external) };
  parentPort?.postMessage(row);
  return value;
}

/** The engine library's way to build a tensor: three JS arrays, spread into a fourth, copied. */
function jsArrayTensor(rgb: Uint8Array): Float32Array {
  const r: number[] = [];
  const g: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rgb.length; i += 3) {
    r.push(rgb[i]! / 255);
    g.push(rgb[i + 1]! / 255);
    b.push(rgb[i + 2]! / 255);
  }
  return Float32Array.from([...b, ...g, ...r]);
}

export async function main(files: string[]): Promise<void> {
  await phase("bare worker thread", () => undefined);
  await phase("+ onnxruntime-node, sharp", async () => {
    await import("onnxruntime-node");
    await import("sharp");
  });
  const { loadModels, runModel } = await import("@/lib/screenshots/paddle/models");
  const models = await phase("+ det and rec sessions", () => loadModels());
  const { openCv } = await import("@/lib/screenshots/paddle/opencv");
  const { cv } = await phase("+ OpenCV WASM", () => openCv());
  const { bands, ceilTo, markText, toPlanes } = await import("@/lib/screenshots/paddle/tensors");
  const { cropBoxes, findBoxes } = await import("@/lib/screenshots/paddle/line-boxes");
  const sharp = (await import("sharp")).default;

  const first = files[0]!;
  const { data, info } = await phase("decode to 720 px RGB", () => sharp(readFileSync(first)).resize({ width: 720 }).flatten({ background: "#fff" }).removeAlpha().raw().toBuffer({ resolveWithObject: true }));
  const image = { rgb: new Uint8Array(data), width: info.width, height: info.height };
  const size = { width: ceilTo(image.width), height: ceilTo(image.height) };
  await phase(`tensor as JS arrays (library), ${size.width}×${size.height}`, () => jsArrayTensor(image.rgb).length);
  await phase("tensor as Float32Array", () => toPlanes(image.rgb, image, { from: 0, to: size.height }, size.width).length);
  for (const band of [256, 512]) {
    await phase(`detection in ${band}-row bands`, async () => {
      for (const b of bands(size.height, band, 64)) await runModel(models.detection, toPlanes(image.rgb, image, b, size.width), [1, 3, b.to - b.from, size.width]);
    });
  }
  await phase("detection, whole image at once", async () => {
    const whole = { from: 0, to: size.height };
    return (await runModel(models.detection, toPlanes(image.rgb, image, whole, size.width), [1, 3, size.height, size.width])).dims;
  });
  const mask = new Uint8Array(size.width * size.height);
  for (const b of bands(size.height, 256, 64)) markText(mask, (await runModel(models.detection, toPlanes(image.rgb, image, b, size.width), [1, 3, b.to - b.from, size.width])).data, size.width, b);
  const crops = await phase("boxes and crops (OpenCV)", () => cropBoxes(cv, image.rgb, image, findBoxes(cv, mask, size)));
  await phase(`recognition of ${crops.length} lines`, async () => {
    for (const c of crops) {
      const { data: line, info: li } = await sharp(c.rgb, { raw: { width: c.width, height: c.height, channels: 3 } }).resize({ height: 48 }).raw().toBuffer({ resolveWithObject: true });
      await runModel(models.recognition, toPlanes(line, li, { from: 0, to: li.height }, li.width), [1, 3, li.height, li.width]);
    }
  });

  const { recognize, warmUp } = await import("@/lib/screenshots/engine");
  await phase("engine warm-up (its own sessions)", () => warmUp());
  for (const [i, f] of files.entries()) await phase(`recognize() fixture ${i + 1}`, async () => (await recognize(readFileSync(f))).length);
}
