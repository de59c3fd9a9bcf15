/**
 * One pool of worker threads per process for heavy work (OCR, bill parsing, explaining big
 * histories; tasks in lib/workers/tasks.ts), so a request thread never computes for
 * seconds while other borrowers wait. Sized to the machine: one thread per core but one, which is
 * left to the request thread. The queue is bounded: past it, callers get `busy` (503) instead of
 * memory growing without end.
 *
 * No "server-only": the CLI and benches (tsx) use it too. Only types come from tasks.ts, so the
 * engines load in the workers alone.
 */
import { availableParallelism } from "node:os";
import type { MessagePort } from "node:worker_threads";
import path from "node:path";
import { Piscina } from "piscina";
import { AppError } from "@/lib/errors";
import type { Tasks } from "./tasks";

export type TaskName = keyof Tasks;
export type TaskPayload<K extends TaskName> = Parameters<Tasks[K]>[0];
export type TaskResult<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;

export type PoolOptions = { threads?: number; queue?: number; idleTimeoutMs?: number };

/** Threads: WORKER_THREADS, else cores − 1 (at least 1). Queue: WORKER_QUEUE, else 32 a thread. */
export function poolSize(env: Record<string, string | undefined> = process.env, cores = availableParallelism()): { threads: number; queue: number; heapMb: number } {
  const threads = positiveInt(env.WORKER_THREADS) ?? Math.max(1, cores - 1);
  const queue = positiveInt(env.WORKER_QUEUE) ?? threads * 32;
  // A small JS heap makes V8 collect a task's garbage early (OCR uses ~35 MB of it; it once built
  // its tensors as JS arrays). Tasks that hold big documents in memory need WORKER_HEAP_MB raised.
  const heapMb = positiveInt(env.WORKER_HEAP_MB) ?? 256;
  return { threads, queue, heapMb };
}

function positiveInt(v: string | undefined): number | undefined {
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The worker entry on disk. Resolved from the working directory (the project root under
 * `next start`, vitest, tsx and npm scripts), not from import.meta.url: inside Next's server
 * bundle that URL points into .next/, where no worker file is. WORKER_ENTRY overrides it.
 */
export function workerEntry(env: Record<string, string | undefined> = process.env): string {
  return env.WORKER_ENTRY ?? path.join(process.cwd(), "lib", "workers", "worker.mjs");
}

type Holder = { pool?: Piscina };
const holder = globalThis as typeof globalThis & { __creditHealthWorkers?: Holder };

function pool(): Piscina {
  const h = (holder.__creditHealthWorkers ??= {});
  if (!h.pool) {
    const { threads, queue, heapMb } = poolSize();
    h.pool = new Piscina({
      filename: workerEntry(),
      minThreads: 0,
      maxThreads: threads,
      maxQueue: queue,
      // Models stay loaded for 5 idle minutes, then the thread (and its ~200 MB) goes.
      idleTimeout: 5 * 60_000,
      // Lower the workers' priority so request threads win the CPU when both want it.
      niceIncrement: 10,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
  }
  return h.pool;
}

/**
 * Runs a named task on a worker thread. Throws AppError("busy") when the queue is full.
 * `transferList`: ArrayBuffers moved to the worker rather than copied (detached here), or a
 * MessagePort the task answers on as it goes.
 */
export async function run<K extends TaskName>(task: K, payload: TaskPayload<K>, options: { signal?: AbortSignal; transferList?: (ArrayBuffer | MessagePort)[] } = {}): Promise<TaskResult<K>> {
  const p = pool();
  if (p.queueSize >= p.options.maxQueue) throw busy();
  try {
    return (await p.run({ task, payload }, { signal: options.signal ?? null, transferList: options.transferList })) as TaskResult<K>;
  } catch (err) {
    if (err instanceof Error && /queue is at limit/i.test(err.message)) throw busy();
    throw err;
  }
}

function busy(): AppError {
  return new AppError("busy", "The server is reading many files right now. Please try again in a minute.", { headers: { "Retry-After": "30" } });
}

export function poolStats(): { threads: number; queued: number; completed: number; maxThreads: number } {
  const p = holder.__creditHealthWorkers?.pool;
  if (!p) return { threads: 0, queued: 0, completed: 0, maxThreads: poolSize().threads };
  return { threads: p.threads.length, queued: p.queueSize, completed: p.completed, maxThreads: p.maxThreads };
}

/** Ends the threads (tests, scripts); the next run() starts a new pool. */
export async function closePool(): Promise<void> {
  const h = holder.__creditHealthWorkers;
  const p = h?.pool;
  if (!p) return;
  h.pool = undefined;
  await p.destroy();
}
