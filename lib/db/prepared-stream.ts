/**
 * The request thread's end of the history.prepare task's port (lib/db/prepared-history.ts): the
 * check's outcome first, then the row batches as the worker builds them, read as an async
 * iterable by the write. Batches that arrive before the write asks for them wait here (their
 * text is a transferred buffer outside the JS heap). An error of the task, or the port closing
 * before the last batch, fails the read, so a half-prepared document is never taken for a whole
 * one. `release` closes the port: a worker still building stops.
 */
import type { MessagePort } from "node:worker_threads";
import type { Borrower } from "@/lib/history/schema";
import type { PrepareFailure, PrepareMessage, RowBatch } from "./prepared-history";

export type Received = { ok: true; borrower: Borrower; total: number; batches: AsyncIterable<RowBatch>; release: () => void } | PrepareFailure;

/** Reads `port` until the worker's end message; `task` is the pool's promise for the same task. */
export function receivePrepared(port: MessagePort, task: Promise<unknown>): Promise<Received> {
  const waiting: RowBatch[] = [];
  let ended = false;
  let error: unknown;
  let wake: (() => void) | undefined;
  let settle: { resolve: (r: Received) => void; reject: (e: unknown) => void } | undefined;
  const first = new Promise<Received>((resolve, reject) => (settle = { resolve, reject }));

  const fail = (err: unknown) => {
    if (ended || error !== undefined) return;
    error = err;
    settle?.reject(err);
    wake?.();
    port.close();
  };
  port.on("message", (m: PrepareMessage) => {
    if (m.kind === "failed") {
      ended = true;
      settle?.resolve(m.failure);
    } else if (m.kind === "checked") {
      settle?.resolve({ ok: true, borrower: m.borrower, total: m.total, batches: read(), release: () => port.close() });
    } else if (m.kind === "rows") {
      waiting.push(m.batch);
    } else {
      ended = true;
    }
    wake?.();
  });
  // A dead worker closes the port and fails the task: the task's error says more, so it wins.
  port.on("close", () => void task.then(() => fail(new Error("The history.prepare task ended before its last batch.")), fail));
  task.catch(fail);

  async function* read(): AsyncGenerator<RowBatch> {
    for (;;) {
      if (waiting.length) {
        yield waiting.shift()!;
        continue;
      }
      if (error !== undefined) throw error;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  }
  return first;
}
