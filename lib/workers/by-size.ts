/**
 * Work over a whole history (explain, simulate, appeal facts, a drop's chart, an export file)
 * runs on the request thread when the history is small and in the worker pool when it is large.
 * Both sides run the same task function on the same payload, so they cannot drift apart.
 */
import { run, type TaskName, type TaskPayload, type TaskResult } from "./pool";

/**
 * Histories of at least this many events go to the worker pool. Measured with `npm run bench --
 * explain` on the shared 2-core machine (load ~3.7, medians of 5): explain + view on this thread
 * took 55 ms for 2,869 events, 102 ms for 8,769, 230 ms for 29,444 and 933 ms for 100,212; through
 * the pool this thread is busy only for the stringify (2, 9, 22, 124 ms) but the borrower waits
 * longer (round trip 190, 121, 425, 1,632 ms: the copy, the parse in the thread, and the thread's
 * lower priority). Below ~5,000 events the request thread's cost is a few tens of ms, less than
 * the extra wait; above it, the cost of a big history falls on its borrower rather than on
 * everyone whose requests share this thread.
 */
export const WORKER_MIN_EVENTS = 5_000;

/** `task` on `payload` (which carries the history of `events` events): here when small, in the pool when large. */
export async function runBySize<K extends TaskName>(
  events: number,
  task: K,
  payload: TaskPayload<K>,
  here: (payload: TaskPayload<K>) => TaskResult<K>,
): Promise<TaskResult<K>> {
  return events < WORKER_MIN_EVENTS ? here(payload) : run(task, payload);
}
