/**
 * Where the OCR worker's memory goes (issue 11's 600 MB goal): `npm run bench -- screenshot-memory`.
 * Renders a few mock screenshots (3x dark JPEG first, the largest), then runs the phases of
 * screenshot-memory-phases.ts in a fresh Node process's one worker thread with the pool's heap
 * limit: the runtime, the models, OpenCV, then one image's decode, tensors, detection (in bands,
 * then whole: glibc keeps what the larger one took), boxes, recognition, and the engine's
 * recognize() on each fixture.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { openRenderer } from "@/lib/screenshots/testing/render";
import { poolSize } from "@/lib/workers/pool";
import type { PhaseRow } from "./screenshot-memory-phases";

export async function runScreenshotMemoryBench(): Promise<PhaseRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "ocr-memory-"));
  try {
    const r = await openRenderer();
    const files: string[] = [];
    try {
      const shots = [
        await r.render({ kind: "huabei", theme: "dark", limit: "8,000.00", available: "6,713.60", dateLine: "2026.10.18" }, { scale: 3, format: "jpeg" }),
        await r.render({ kind: "jiebei", limit: "30,000.00", available: "21,500.00", dateLine: "额度更新于2026年09月03日" }, { scale: 3 }),
        await r.render({ kind: "sesame", score: 712 }, { scale: 2 }),
      ];
      for (const [i, shot] of shots.entries()) {
        files.push(path.join(dir, `${i}.img`));
        writeFileSync(files[i]!, shot);
      }
    } finally {
      await r.close();
    }
    const entry = path.join(process.cwd(), "scripts", "bench", "screenshot-memory-worker.mjs");
    const out = execFileSync(process.execPath, [entry, String(poolSize().heapMb), ...files], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    return out
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as PhaseRow);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printScreenshotMemoryBench(rows: PhaseRow[]): void {
  console.log("\nOCR worker memory by phase (process RSS after each phase, its peak during it; MB)");
  console.table(rows);
}
