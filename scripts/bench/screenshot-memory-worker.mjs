// Child process of scripts/bench/screenshot-memory.ts: a fresh Node process (nothing of the bench
// runner in its RSS) whose one worker thread, with the pool's heap limit, runs the phases
// (TypeScript, through tsx) and whose main thread prints each phase's row as a JSON line.
import { Worker, isMainThread, workerData } from "node:worker_threads";

if (isMainThread) {
  const [heapMb, ...files] = process.argv.slice(2);
  const w = new Worker(new URL(import.meta.url), { workerData: files, resourceLimits: { maxOldGenerationSizeMb: Number(heapMb) } });
  w.on("message", (row) => process.stdout.write(`${JSON.stringify(row)}\n`));
  w.on("error", (err) => {
    console.error(err);
    process.exitCode = 1;
  });
} else {
  const { tsImport } = await import("tsx/esm/api");
  const { main } = await tsImport("./screenshot-memory-phases.ts", import.meta.url);
  await main(workerData);
}
