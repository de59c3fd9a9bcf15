/**
 * Rule-core benchmark: a generated ten-year history (~30,000 events, 100+ drops) through zod
 * validation and explain(), and explain() on ten times the events (a hundred years at the same
 * density, so ten times the drops: any per-drop scan of the whole history would show as ~100x).
 * Goals: explain no slower than validation (ratio ≤ 1.0) and scaling ≤ 12x for 10x events.
 * Times are CPU time (user + system) of this process; wall times are reported beside them.
 * Run alone: `npx tsx scripts/bench/core.ts` (a table, then one JSON line).
 */
import { explain } from "@/lib/core";
import { generateHistory } from "@/lib/core/testing/generate";
import { historyDocument } from "@/lib/history/schema";

export const CORE_BENCH_GOALS = { explainToValidationRatio: 1.0, scaling10x: 12 } as const;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
/**
 * CPU time of one call (user + system, ms). The ratios use CPU time because the bench shares its
 * machine with other work: wall time then measures the neighbours as much as the code.
 */
function time(f: () => unknown, wall?: number[]): number {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  wall?.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/**
 * Medians of several runs in this process, after a warm-up (JIT is not measured). Validation and
 * explain alternate within each run so background load affects both alike. Throws if the
 * generated history is invalid or has fewer than 100 drops: a fast wrong core must not score.
 */
export async function runCoreBench(options: { runs?: number; runs10x?: number } = {}): Promise<Record<string, number>> {
  const runs = Math.max(1, options.runs ?? 9);
  const runs10x = Math.max(1, options.runs10x ?? 5);
  const doc = generateHistory({ years: 10 });
  const big = generateHistory({ years: 100, endDate: "2025-12-31", seed: 7 });
  const valid = historyDocument.safeParse(doc);
  if (!valid.success) throw new Error(`core bench: generated history is invalid: ${valid.error.issues[0]?.message}`);
  const drops = explain(doc).drops.length;
  if (drops < 100) throw new Error(`core bench: only ${drops} drops in the generated history`);

  const zod: number[] = [];
  const ex: number[] = [];
  const zodWall: number[] = [];
  const exWall: number[] = [];
  for (let i = 0; i < runs; i++) {
    zod.push(time(() => historyDocument.safeParse(doc), zodWall));
    ex.push(time(() => explain(doc), exWall));
  }
  let drops10x = explain(big).drops.length; // warm-up at the larger size too
  const ex10: number[] = [];
  const ex1: number[] = [];
  for (let i = 0; i < runs10x; i++) {
    ex1.push(time(() => explain(doc)));
    ex10.push(time(() => (drops10x = explain(big).drops.length)));
  }
  const validationMs = median(zod);
  const explainMs = median(ex);
  return {
    events: doc.events.length,
    drops,
    runs,
    validationMs: round(validationMs),
    explainMs: round(explainMs),
    validationWallMs: round(median(zodWall)),
    explainWallMs: round(median(exWall)),
    explainToValidationRatio: round(explainMs / validationMs, 3),
    events10x: big.events.length,
    drops10x,
    explain10xMs: round(median(ex10)),
    // Against explain timed in the same loop as the 10x runs, so both saw the same conditions.
    scaling10x: round(median(ex10) / median(ex1), 2),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runCoreBench();
  const rows: [string, string, string][] = [
    ["history", `${r.events} events, ${r.drops} drops`, ""],
    ["zod validation (median)", `${r.validationMs} ms CPU`, `${r.validationWallMs} ms wall`],
    ["explain (median)", `${r.explainMs} ms CPU`, `${r.explainWallMs} ms wall`],
    ["explain / validation", String(r.explainToValidationRatio), `goal ≤ ${CORE_BENCH_GOALS.explainToValidationRatio} ${r.explainToValidationRatio! <= CORE_BENCH_GOALS.explainToValidationRatio ? "ok" : "MISSED"}`],
    ["10x history", `${r.events10x} events, ${r.drops10x} drops`, ""],
    ["explain 10x (median)", `${r.explain10xMs} ms CPU`, ""],
    ["scaling on 10x events", `${r.scaling10x}x`, `goal ≤ ${CORE_BENCH_GOALS.scaling10x}x ${r.scaling10x! <= CORE_BENCH_GOALS.scaling10x ? "ok" : "MISSED"}`],
  ];
  for (const [k, v, g] of rows) console.log(`${k.padEnd(26)} ${v.padEnd(28)} ${g}`);
  console.log(JSON.stringify({ bench: "core", ...r }));
}
