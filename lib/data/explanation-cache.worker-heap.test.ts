/**
 * A history too big for a worker's heap is still explained (on the request thread), not answered
 * with an error. The pool of this file's process gets a heap far too small for any task.
 */
import { afterAll, expect, it } from "vitest";
import { generateHistory } from "@/lib/core/testing/generate";
import { describeDatabases } from "@/lib/db/test-db";
import { closePool } from "@/lib/workers/pool";
import { explainHistory } from "@/lib/workers/tasks/explain-history";
import { WORKER_MIN_EVENTS } from "@/lib/workers/by-size";
import { computeExplained } from "./explanation-cache";

// Read when the pool is first created (lib/workers/pool.ts), which happens in this file only.
process.env.WORKER_HEAP_MB = "8";
afterAll(closePool);

describeDatabases("explanation cache when the worker runs out of memory", (ctx) => {
  it("explains on the request thread with the same result", async () => {
    const history = generateHistory({ years: 2, seed: 5 });
    expect(history.events.length).toBeGreaterThanOrEqual(WORKER_MIN_EVENTS);
    const now = new Date("2026-06-01T04:00:00Z");
    const computed = await computeExplained(ctx().prisma, { history, now });
    expect(computed.explainedJson).toBe(explainHistory({ history, context: computed.explained().context, now }).explainedJson);
  });
});
