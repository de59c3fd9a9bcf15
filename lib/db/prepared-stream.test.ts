import { afterAll, describe, expect, it } from "vitest";
import { prepareImport, preparedOrThrow } from "@/lib/data/history-write";
import { closePool, poolStats, run } from "@/lib/workers/pool";
import { BATCH_ROWS, type RowBatch } from "./prepared-history";

afterAll(closePool);

const DOC = { format: "credit-health-history", version: 1 } as const;
const doc = (n: number) => ({ ...DOC, events: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, type: "limit", date: "2025-01-02", limit: i })) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await sleep(20);
  }
}

describe("prepared rows from the worker pool", () => {
  it("arrive complete and in order for a reader slower than the worker", async () => {
    const n = BATCH_ROWS * 7 + 5;
    const prepared = preparedOrThrow(await prepareImport(doc(n), { userId: "u1" }));
    expect(prepared.total).toBe(n);
    const batches: RowBatch[] = [];
    for await (const b of prepared.batches) {
      batches.push(b);
      await sleep(30);
    }
    expect(batches.map((b) => b.rows)).toEqual([...Array<number>(7).fill(BATCH_ROWS), 5]);
    const ids = batches.flatMap((b) => b.ids.split("\u0000"));
    // One type, one day: document order.
    expect(ids).toEqual(doc(n).events.map((e) => e.id));
    const lines = batches.map((b) => new TextDecoder().decode(b.text)).join("").split("\n");
    expect(lines).toHaveLength(n + 1);
  });

  it("never wait for their reader, who may be waiting for another task of the pool", async () => {
    // The sync API computes the borrower's signals (a pool task for a long history) before it
    // reads the rows: with one thread, a worker waiting for its reader would wait forever.
    const prepared = preparedOrThrow(await prepareImport(doc(BATCH_ROWS * 20), { userId: "u1" }));
    await expect(run("pool.echo", { value: "other task" })).resolves.toMatchObject({ value: "other task" });
    let rows = 0;
    for await (const b of prepared.batches) rows += b.rows;
    expect(rows).toBe(BATCH_ROWS * 20);
  });

  it("free the pool thread when released unread, as a replayed sync does", async () => {
    const completed = poolStats().completed;
    const prepared = preparedOrThrow(await prepareImport(doc(BATCH_ROWS * 20), { userId: "u1" }));
    prepared.release!();
    await until(() => poolStats().completed > completed);
  });

  it("fail the read when the port closes before the last batch, never ending as if complete", async () => {
    // As when the worker thread dies part-way; here the reader's own release closes the port.
    const prepared = preparedOrThrow(await prepareImport(doc(BATCH_ROWS * 10), { userId: "u1" }));
    const read = (async () => {
      let rows = 0;
      for await (const b of prepared.batches) {
        rows += b.rows;
        if (rows === BATCH_ROWS) prepared.release!();
      }
      return rows;
    })();
    await expect(read).rejects.toThrow(/ended before its last batch/);
  });
});
