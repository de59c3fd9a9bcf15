/**
 * What explaining a history costs the request thread, done here or in the worker pool
 * (lib/workers/by-size.ts, WORKER_MIN_EVENTS): for generated histories of 3,000 to
 * 100,000 events, the median of 5 runs of (a) explain + dashboard view on this thread, (b) the
 * pool's round trip (stringify, the task, the answer) and the part of it this thread is busy
 * (the stringify; the rest runs on the worker). `npm run bench -- explain`.
 */
import { generateHistory } from "@/lib/core/testing/generate";
import { closePool, run } from "@/lib/workers/pool";
import { explainHistory } from "@/lib/workers/tasks/explain-history";

export type OffloadRow = { events: number; hereMs: number; poolRoundTripMs: number; poolRequestThreadMs: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r1 = (v: number) => Math.round(v * 10) / 10;

export async function runExplainOffloadBench(options: { years?: number[]; runs?: number } = {}): Promise<OffloadRow[]> {
  const out: OffloadRow[] = [];
  const now = new Date("2026-01-01T04:00:00Z");
  try {
    // The first task starts a thread and loads tsx and the core: not part of a request's cost.
    await run("history.explain", { historyJson: JSON.stringify(generateHistory({ years: 0.2, seed: 1 })), nowMs: now.getTime() });
    for (const years of options.years ?? [1, 3, 10, 34]) {
      const history = generateHistory({ years, seed: 7 });
      const here: number[] = [];
      const trip: number[] = [];
      const busy: number[] = [];
      for (let i = 0; i < (options.runs ?? 5); i++) {
        let t = performance.now();
        explainHistory({ history, context: {}, now });
        here.push(performance.now() - t);
        t = performance.now();
        const historyJson = JSON.stringify(history);
        busy.push(performance.now() - t);
        await run("history.explain", { historyJson, nowMs: now.getTime() });
        trip.push(performance.now() - t);
      }
      out.push({ events: history.events.length, hereMs: r1(median(here)), poolRoundTripMs: r1(median(trip)), poolRequestThreadMs: r1(median(busy)) });
    }
  } finally {
    await closePool();
  }
  return out;
}

export function printExplainOffloadBench(rows: OffloadRow[]): void {
  console.log("\nExplaining a history: on the request thread vs in the worker pool (wall ms, medians)");
  console.table(rows);
}

if (process.argv[1] === import.meta.filename) printExplainOffloadBench(await runExplainOffloadBench());
