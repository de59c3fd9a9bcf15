import { threadId } from "node:worker_threads";
import { afterAll, expect, test } from "vitest";
import { runBySize, WORKER_MIN_EVENTS } from "./by-size";
import { closePool } from "./pool";

afterAll(closePool);

const here = (p: { value: unknown }) => ({ value: p.value, threadId });

test("a small history's task runs on this thread, a large one's in the pool, on the same payload", async () => {
  const small = await runBySize(WORKER_MIN_EVENTS - 1, "pool.echo", { value: "small" }, here);
  expect(small).toEqual({ value: "small", threadId });
  const large = await runBySize(WORKER_MIN_EVENTS, "pool.echo", { value: "large" }, here);
  expect(large.value).toBe("large");
  expect(large.threadId).not.toBe(threadId);
});
