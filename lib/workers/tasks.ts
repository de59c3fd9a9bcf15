/**
 * Every task the worker pool runs, by name. Only worker threads import this file (through
 * worker.mjs): the request side imports its type alone, so no engine is ever loaded there.
 * To add a task (bill parsing, explaining a big history): one entry here, a function taking one
 * structured-clonable payload and returning a structured-clonable result.
 */
import type { CompactRead, ReadFilePayload } from "@/lib/import/compact-read";
import type { ReadScreenshotPayload, ReadScreenshotResult } from "@/lib/screenshots/task";
import type { ExplainHistoryPayload, ExplainHistoryResult } from "./tasks/explain-history";
import type { DropZoomPayload } from "./tasks/drop-zoom";
import type { AppealFactsPayload } from "./tasks/appeal-facts";
import type { SimulateHistoryPayload } from "./tasks/simulate-history";
import type { ExportFilePayload } from "./tasks/export-file";
import type { Simulation } from "@/lib/core";
import type { DropZoom } from "@/lib/timeline/types";
import type { AppealFacts } from "@/lib/appeal/facts";
import type { PrepareTaskPayload } from "@/lib/db/prepared-history";

// Each task's module is imported on its first call, so a thread loads only the engines it uses.
export const tasks = {
  /** Streams its rows on `p.port` (lib/db/prepared-stream.ts reads them). */
  "history.prepare": async (p: PrepareTaskPayload): Promise<void> => (await import("@/lib/db/prepared-history")).prepareHistoryTask(p),
  "screenshot.read": async (p: ReadScreenshotPayload): Promise<ReadScreenshotResult> => (await import("@/lib/screenshots/task")).readScreenshotTask(p),
  "history.explain": async (p: ExplainHistoryPayload): Promise<ExplainHistoryResult> => (await import("./tasks/explain-history")).explainHistoryTask(p),
  "drop.zoom": async (p: DropZoomPayload): Promise<DropZoom | null> => (await import("./tasks/drop-zoom")).dropZoomTask(p),
  "appeal.facts": async (p: AppealFactsPayload): Promise<AppealFacts> => (await import("./tasks/appeal-facts")).appealFactsTask(p),
  "history.simulate": async (p: SimulateHistoryPayload): Promise<Simulation> => (await import("./tasks/simulate-history")).simulateHistoryTask(p),
  "history.exportFile": async (p: ExportFilePayload): Promise<string> => (await import("./tasks/export-file")).exportFileTask(p),
  "import.read": async (p: ReadFilePayload): Promise<CompactRead> => (await import("@/lib/import/read-task")).readFileTask(p),
  /** For the pool's own tests: echoes after `ms`, or throws `fail`. */
  "pool.echo": async (p: { value: unknown; ms?: number; fail?: string }) => {
    if (p.ms) await new Promise((r) => setTimeout(r, p.ms));
    if (p.fail) throw new Error(p.fail);
    return { value: p.value, threadId: (await import("node:worker_threads")).threadId };
  },
} satisfies Record<string, (payload: never) => Promise<unknown>>;

export type Tasks = typeof tasks;
