/**
 * The in-process half of the screenshot bench, run as its own process (`tsx`, spawned by
 * screenshots.ts) so its RSS is that of a process that reads screenshots through the pool, as the
 * CLI and the server do, not the bench runner's (every bench module, Playwright's client: ~300 MB
 * before any OCR). Reads the fixture files named on the command line: one warm-up read (starting
 * the thread, loading the models), five one at a time, then all at once with the peak RSS sampled
 * every 100 ms. Prints one JSON document on stdout.
 */
import { readFileSync } from "node:fs";
import { closePool, run } from "@/lib/workers/pool";

export type BatchRun = { firstReadMs: number; singlesMs: number[]; batchMs: number; peakRss: number; rssBeforePool: number; readings: { observations: { type: string; value: number }[] }[] };

async function main(files: string[]): Promise<BatchRun> {
  const images = files.map((f) => new Uint8Array(readFileSync(f)));
  const read = (bytes: Uint8Array) => run("screenshot.read", { bytes });
  const rssBeforePool = process.memoryUsage().rss;
  let t = performance.now();
  await read(images[0]!);
  const firstReadMs = performance.now() - t;
  const singlesMs: number[] = [];
  for (const img of images.slice(1, 6)) {
    t = performance.now();
    await read(img);
    singlesMs.push(performance.now() - t);
  }
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  t = performance.now();
  const results = await Promise.all(images.map(read));
  const batchMs = performance.now() - t;
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  await closePool();
  return { firstReadMs, singlesMs, batchMs, peakRss, rssBeforePool, readings: results.map((r) => ({ observations: r.observations })) };
}

process.stdout.write(`${JSON.stringify(await main(process.argv.slice(2)))}\n`);
