/**
 * Page weight (issue 14): every signed-in page of a production build for a borrower with a
 * 100,000-event history (hundreds of drops), fetched over HTTP with a real session cookie; the
 * HTML of each must stay at most 300 KB whatever the history. The test in
 * tests/perf/page-weight.test.ts asserts the bound; `npm run bench -- pages` reports the figures.
 */
import { startBenchServer, type BenchServer } from "./http-fixture";

export const PAGE_WEIGHT_GOAL_BYTES = 300 * 1024;

export type PageWeight = { path: string; status: number; bytes: number };
type DropSummary = { date: string; reasons: { evidence: { eventIds: string[] } }[] };

/** The pages to weigh: fixed routes plus the heaviest drop (most evidence) and its appeal page. */
async function pagesOf(bench: BenchServer): Promise<string[]> {
  const res = await fetch(`${bench.server.url}/api/v1/explanations`, { headers: { authorization: `Bearer ${bench.token}` } });
  if (!res.ok) throw new Error(`explanations answered ${res.status}`);
  const { drops } = (await res.json()) as { drops: DropSummary[] };
  const evidence = (d: DropSummary) => d.reasons.reduce((n, r) => n + r.evidence.eventIds.length, 0);
  const heaviest = [...drops].sort((a, b) => evidence(b) - evidence(a))[0];
  const latest = drops.at(-1);
  const dropPages = [...new Set([heaviest?.date, latest?.date].filter((d): d is string => !!d))].flatMap((d) => [`/drops/${d}`, `/drops/${d}/appeal`]);
  return [
    "/dashboard",
    "/dashboard?drops=all",
    "/dashboard?range=all",
    "/recovery",
    "/what-if",
    "/data",
    "/data?type=limit",
    "/data?type=activity",
    "/profile",
    "/settings",
    "/settings/activity",
    ...dropPages,
  ];
}

/** Fetches every page as the signed-in borrower and returns its status and HTML size. */
export async function weighPages(bench: BenchServer): Promise<PageWeight[]> {
  const out: PageWeight[] = [];
  for (const path of await pagesOf(bench)) {
    const res = await fetch(`${bench.server.url}${path}`, { headers: { cookie: bench.cookie }, redirect: "manual" });
    const bytes = (await res.arrayBuffer()).byteLength;
    out.push({ path, status: res.status, bytes });
  }
  return out;
}

export async function runPageWeightBench(options: { years?: number; distDir?: string } = {}): Promise<{ events: number; pages: PageWeight[] }> {
  const bench = await startBenchServer({ years: options.years ?? 34, distDir: options.distDir });
  try {
    return { events: bench.events, pages: await weighPages(bench) };
  } finally {
    await bench.stop();
  }
}

export function printPageWeightBench(result: { events: number; pages: PageWeight[] }): void {
  console.log(`\nPage weight (HTML per page, a borrower with ${result.events} events; goal ≤ ${PAGE_WEIGHT_GOAL_BYTES / 1024} KB)`);
  console.table(result.pages.map((p) => ({ page: p.path, status: p.status, KB: +(p.bytes / 1024).toFixed(1), goal: p.bytes <= PAGE_WEIGHT_GOAL_BYTES ? "met" : "MISSED" })));
}

if (process.argv[1] === import.meta.filename) {
  const result = await runPageWeightBench();
  printPageWeightBench(result);
}
