import { afterAll, expect, test } from "vitest";
import { closePool, poolSize, poolStats, run } from "./pool";

afterAll(closePool);

test("the pool is sized to the machine, leaving a core to the request thread", () => {
  expect(poolSize({}, 2)).toEqual({ threads: 1, queue: 32, heapMb: 256 });
  expect(poolSize({}, 1)).toEqual({ threads: 1, queue: 32, heapMb: 256 });
  expect(poolSize({}, 8)).toEqual({ threads: 7, queue: 224, heapMb: 256 });
  expect(poolSize({ WORKER_THREADS: "3", WORKER_QUEUE: "5", WORKER_HEAP_MB: "1024" }, 8)).toEqual({ threads: 3, queue: 5, heapMb: 1024 });
  expect(poolSize({ WORKER_THREADS: "zero" }, 4).threads).toBe(3);
});

test("a task runs on a worker thread, not this one, and its error comes back", async () => {
  const { threadId } = await import("node:worker_threads");
  const out = await run("pool.echo", { value: { a: [1, 2] } });
  expect(out.value).toEqual({ a: [1, 2] });
  expect(out.threadId).not.toBe(threadId);
  await expect(run("pool.echo", { value: null, fail: "boom" })).rejects.toThrow("boom");
  expect(poolStats().threads).toBeGreaterThan(0);
});

test("an aborted task is cancelled", async () => {
  const ctrl = new AbortController();
  const p = run("pool.echo", { value: 1, ms: 2_000 }, { signal: ctrl.signal });
  ctrl.abort();
  await expect(p).rejects.toThrow();
});
