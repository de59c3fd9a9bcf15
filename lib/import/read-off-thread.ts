/**
 * readImportFile for the request thread: the same function, run in the worker pool, so a
 * 100,000-row bill never parses on the thread that answers every borrower. What comes back is
 * exactly what readImportFile returns in-process (refusals and their messages in the page's
 * language included), rebuilt from the task's compact form.
 */
import { run } from "@/lib/workers/pool";
import type { ReadFileResult, ReadOptions } from "./read-file";
import { unpackRead } from "./compact-read";

/**
 * The bytes travel as a transferred ArrayBuffer: a copy of the caller's (the caller may read the
 * same upload again, e.g. with a remembered column mapping), made once and moved, not cloned.
 */
export async function readImportFileOffThread(bytes: Uint8Array, options: ReadOptions, signal?: AbortSignal): Promise<ReadFileResult> {
  // new Uint8Array(…) copies; Buffer#slice would share the caller's memory (or a pooled slab).
  const own = new Uint8Array(bytes);
  const compact = await run("import.read", { bytes: own, options }, { signal, transferList: [own.buffer] });
  return unpackRead(compact);
}
