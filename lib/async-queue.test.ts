import { describe, expect, it } from "vitest";
import { AsyncQueue } from "./async-queue";

async function readAll<T>(queue: AsyncIterable<T>): Promise<T[]> {
  const seen: T[] = [];
  for await (const item of queue) seen.push(item);
  return seen;
}

describe("AsyncQueue", () => {
  it("gives items pushed before and while reading, in order, until end()", async () => {
    const queue = new AsyncQueue<number>();
    queue.push(1);
    const reading = readAll(queue);
    await new Promise((r) => setTimeout(r, 5));
    queue.push(2);
    queue.push(3);
    queue.end();
    expect(await reading).toEqual([1, 2, 3]);
  });

  it("throws the failure after the items pushed before it, and ignores what comes after", async () => {
    const queue = new AsyncQueue<string>();
    const seen: string[] = [];
    queue.push("a");
    queue.fail(new Error("source aborted"));
    queue.push("b");
    queue.fail(new Error("second failure"));
    queue.end();
    await expect(
      (async () => {
        for await (const item of queue) seen.push(item);
      })(),
    ).rejects.toThrow("source aborted");
    expect(seen).toEqual(["a"]);
  });

  it("wakes a reader that is waiting when the queue fails", async () => {
    const queue = new AsyncQueue<number>();
    const reading = readAll(queue);
    await new Promise((r) => setTimeout(r, 5));
    expect(queue.settled).toBe(false);
    queue.fail(new Error("port closed"));
    await expect(reading).rejects.toThrow("port closed");
    expect(queue.settled).toBe(true);
  });
});
