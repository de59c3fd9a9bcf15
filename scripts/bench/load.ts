/**
 * HTTP load bench: a production build on 127.0.0.1, one borrower with ~5,000 events, and
 * autocannon (50 connections, 20 s each) against
 *   - GET /api/app/dashboard     the dashboard's data (session cookie from a real sign-in),
 *   - GET /api/v1/explanations   the sync API (bearer token),
 *   - a /_next/static/… file     of the same server: the baseline the data endpoints compare to,
 *   - GET /api/app/dashboard without a cookie: a 401 that touches no data, i.e. what Next.js
 *     itself costs for a dynamic route; shown for reference, not counted in the goals.
 * Reports requests/s, p50/p95/p99 latency (from every response, so p95 is exact), errors and the
 * data/static ratio against the goals below. Figures only: nothing here passes or fails a test.
 * Run alone: `npx tsx scripts/bench/load.ts [--postgres] [--seconds 20]`.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { BENCH_DIST, percentile, startBenchServer } from "./http-fixture";

const WARM_UP_SECONDS = 3;
const FLOOR = "no credentials (401: Next.js's floor)";

export const LOAD_BENCH_GOALS = { errors: 0, p95Ms: 100, minDataToStaticRatio: 0.25 } as const;

export type LoadCase = { target: string; path: string; rps: number; p50Ms: number; p95Ms: number; p99Ms: number; errors: number; non2xx: number; requests: number };
export type LoadBenchResult = {
  engine: string;
  events: number;
  connections: number;
  seconds: number;
  cases: LoadCase[];
  /** rps of each data endpoint divided by the static asset's rps. */
  ratios: Record<string, number>;
  goalsMet: boolean;
};

export type LoadBenchOptions = { connections?: number; seconds?: number; events?: number; engine?: "pglite" | "postgres" };

async function measure(label: string, url: string, headers: Record<string, string>, connections: number, seconds: number): Promise<LoadCase> {
  // Warm-up, not recorded: a few seconds of the same load, so V8 has optimised the route's code path
  // as on a server that has been running. (With five requests only, whichever endpoint came first
  // measured 15–30% slower than when it came second.)
  await autocannon({ url, connections, duration: WARM_UP_SECONDS, headers, timeout: 30 });
  const times: number[] = [];
  const instance = autocannon({ url, connections, duration: seconds, headers, timeout: 30 });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const r = await instance;
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    target: label,
    path: new URL(url).pathname,
    rps: round(r.requests.average),
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
}

/** Any file the build serves from /_next/static: the cheapest answer the server can give. */
function staticAsset(): string {
  const dir = path.join(process.cwd(), BENCH_DIST, "static", "chunks");
  const file = readdirSync(dir).find((f) => f.endsWith(".js"));
  if (!file) throw new Error(`no static chunk in ${dir}`);
  return `/_next/static/chunks/${file}`;
}

export async function runLoadBench(options: LoadBenchOptions = {}): Promise<LoadBenchResult> {
  const connections = options.connections ?? 50;
  const seconds = options.seconds ?? 20;
  const bench = await startBenchServer({ events: options.events ?? 5_000, engine: options.engine });
  try {
    const { url } = bench.server;
    const cases: LoadCase[] = [];
    cases.push(await measure("static asset (baseline)", url + staticAsset(), {}, connections, seconds));
    cases.push(await measure("dashboard data (cookie)", `${url}/api/app/dashboard`, { cookie: bench.cookie }, connections, seconds));
    cases.push(await measure("explanations (bearer)", `${url}/api/v1/explanations`, { authorization: `Bearer ${bench.token}` }, connections, seconds));
    const floor = await measure(FLOOR, `${url}/api/app/dashboard`, {}, connections, seconds);
    const base = cases[0]!.rps;
    const ratio = (c: LoadCase) => Math.round((c.rps / base) * 1000) / 1000;
    const ratios = Object.fromEntries(cases.slice(1).map((c) => [c.target, ratio(c)]));
    const goalsMet = cases.every((c) => c.errors + c.non2xx === LOAD_BENCH_GOALS.errors && c.p95Ms < LOAD_BENCH_GOALS.p95Ms) && Object.values(ratios).every((r) => r >= LOAD_BENCH_GOALS.minDataToStaticRatio);
    return { engine: bench.engine, events: bench.events, connections, seconds, cases: [...cases, floor], ratios: { ...ratios, [FLOOR]: ratio(floor) }, goalsMet };
  } finally {
    await bench.stop();
  }
}

export function printLoadBench(r: LoadBenchResult): void {
  console.log(`\nHTTP load (${r.engine}, ${r.events} events, ${r.connections} connections x ${r.seconds} s; goals: 0 errors, p95 < ${LOAD_BENCH_GOALS.p95Ms} ms, data >= ${LOAD_BENCH_GOALS.minDataToStaticRatio} x static rps)`);
  console.table(r.cases.map(({ target, rps, p50Ms, p95Ms, p99Ms, errors, non2xx, requests }) => ({ target, "req/s": rps, "p50 ms": p50Ms, "p95 ms": p95Ms, "p99 ms": p99Ms, errors, non2xx, requests })));
  for (const [k, v] of Object.entries(r.ratios)) console.log(`  ${k} / static: ${v}`);
  console.log(`  goals met: ${r.goalsMet ? "yes" : "NO"}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  runLoadBench({ engine: process.argv.includes("--postgres") ? "postgres" : undefined, seconds: Number(arg("--seconds") ?? 20) }).then(
    (r) => {
      printLoadBench(r);
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
