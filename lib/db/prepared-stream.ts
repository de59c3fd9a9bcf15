/**
 * The request thread's end of the history.prepare task's port (lib/db/prepared-history.ts): the
 * check's outcome first, then the row batches as the worker builds them, read as an async
 * iterable by the write. Batches that arrive before the write asks for them wait here (their
 * text is a transferred buffer outside the JS heap). An error of the task, or the port closing
 * before the last batch, fails the read, so a half-prepared document is never taken for a whole
 * one. `release` closes the port: a worker still building stops.
 */
import type { MessagePort } from "node:worker_threads";
import { AsyncQueue } from "@/lib/async-queue";
import type { Borrower } from "@/lib/history/schema";
import type { PrepareFailure, PrepareMessage, RowBatch } from "./prepared-history";

export type Received = { ok: true; borrower: Borrower; total: number; batches: AsyncIterable<RowBatch>; release: () => void } | PrepareFailure;

/** Reads `port` until the worker's end message; `task` is the pool's promise for the same task. */
export function receivePrepared(port: MessagePort, task: Promise<unknown>): Promise<Received> {
  const batches = new AsyncQueue<RowBatch>();
  let settle: { resolve: (r: Received) => void; reject: (e: unknown) => void } | undefined;
  const first = new Promise<Received>((resolve, reject) => (settle = { resolve, reject }));

  const fail = (err: unknown) => {
    if (batches.settled) return;
    batches.fail(err);
    settle?.reject(err);
    port.close();
  };
  port.on("message", (m: PrepareMessage) => {
    if (m.kind === "failed") {
      batches.end();
      settle?.resolve(m.failure);
    } else if (m.kind === "checked") {
      settle?.resolve({ ok: true, borrower: m.borrower, total: m.total, batches, release: () => port.close() });
    } else if (m.kind === "rows") {
      batches.push(m.batch);
    } else {
      batches.end();
    }
  });
  // A dead worker closes the port and fails the task: the task's error says more, so it wins.
  port.on("close", () => void task.then(() => fail(new Error("The history.prepare task ended before its last batch.")), fail));
  task.catch(fail);
  return first;
}
