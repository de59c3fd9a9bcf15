/**
 * Page weight (issue 14): every signed-in page of a production build for a borrower with a
 * 100,000-event history (hundreds of drops), fetched over HTTP with a real session cookie; the
 * HTML of each must stay at most 300 KB whatever the history. The test in
 * tests/perf/page-weight.test.ts asserts the bound; `npm run bench -- pages` reports the figures.
 */
import { EVENT_TYPES } from "@/lib/history/schema";
import { craftedHistory } from "./crafted-history";
import { startBenchServer, type BenchServer } from "./http-fixture";

export const PAGE_WEIGHT_GOAL_BYTES = 300 * 1024;

export type PageWeight = { path: string; status: number; bytes: number; borrower?: string };
type DropSummary = { date: string; reasons: { evidence: { eventIds: string[] } }[] };
/** Whom to weigh the pages of: a signed-in borrower of the bench server. */
export type Weighed = { cookie: string; token: string; label?: string };

/** Pages past the last clamp to it (lib/paging/page-of.ts): the last page of any paged list. */
const LAST_PAGE = 99_999;

async function fetchHtml(bench: BenchServer, who: Weighed, path: string): Promise<Response> {
  return fetch(`${bench.server.url}${path}`, { headers: { cookie: who.cookie }, redirect: "manual" });
}

/**
 * Every signed-in page: the fixed routes, every filter of the data table, the paged lists' second
 * and last pages, the heaviest drop (most evidence) and the latest with their appeal pages, and
 * the newest event's edit page.
 */
async function pagesOf(bench: BenchServer, who: Weighed): Promise<string[]> {
  const res = await fetch(`${bench.server.url}/api/v1/explanations`, { headers: { authorization: `Bearer ${who.token}` } });
  if (!res.ok) throw new Error(`explanations answered ${res.status}`);
  const { drops } = (await res.json()) as { drops: DropSummary[] };
  const evidence = (d: DropSummary) => d.reasons.reduce((n, r) => n + r.evidence.eventIds.length, 0);
  const heaviest = [...drops].sort((a, b) => evidence(b) - evidence(a))[0];
  const latest = drops.at(-1);
  const dropPages = [...new Set([heaviest?.date, latest?.date].filter((d): d is string => !!d))].flatMap((d) => [`/drops/${d}`, `/drops/${d}/appeal`, `/drops/${d}/appeal?lang=en`]);
  // The newest event's own page (its whole note): the data table links it.
  const data = await (await fetchHtml(bench, who, "/data")).text();
  const eventPage = data.match(/href="(\/data\/events\/(?!new")[^"?#]+)"/)?.[1];
  return [
    "/dashboard",
    "/dashboard?drops=all",
    "/dashboard?drops=all&page=2",
    `/dashboard?drops=all&page=${LAST_PAGE}`,
    "/dashboard?range=all",
    "/dashboard?range=all&show=borrow,repayment,inquiry,notice",
    "/dashboard?range=3m&show=borrow,repayment,inquiry,notice",
    "/recovery",
    "/recovery?page=2",
    `/recovery?page=${LAST_PAGE}`,
    "/what-if",
    "/what-if?noNewApplications=on&repayOnSchedule=on&keepUsingAccount=on&payDown=0.5&horizon=180",
    "/limit-change",
    "/data",
    ...[...EVENT_TYPES, "observation"].map((type) => `/data?type=${type}`),
    "/data?from=2000-01-01&to=2030-12-31",
    "/data/import",
    "/data/screenshots",
    "/data/events/new",
    ...(eventPage ? [eventPage] : []),
    "/notifications",
    "/profile",
    "/settings",
    "/settings/account",
    "/settings/activity",
    "/settings/calendar",
    "/settings/notifications",
    "/settings/privacy",
    "/settings/security",
    "/settings/tokens",
    ...dropPages,
  ];
}

/** Fetches every page as the signed-in borrower (the bench's first, or `who`) and returns its status and HTML size. */
export async function weighPages(bench: BenchServer, who: Weighed = bench): Promise<PageWeight[]> {
  const out: PageWeight[] = [];
  for (const path of await pagesOf(bench, who)) {
    const res = await fetchHtml(bench, who, path);
    const bytes = (await res.arrayBuffer()).byteLength;
    out.push({ path, status: res.status, bytes, ...(who.label ? { borrower: who.label } : {}) });
  }
  return out;
}

/** The two borrowers weighed: a 34-year generated history (~100,000 events) and the crafted one. */
export function startPageWeightServer(options: { years?: number; distDir?: string; log?: (s: string) => void } = {}): Promise<BenchServer> {
  // BENCH_PORT pins the server's port (machines shared by several engineers give each a range).
  const port = Number(process.env.BENCH_PORT) || undefined;
  return startBenchServer({ years: options.years ?? 34, distDir: options.distDir, log: options.log, others: [{ document: craftedHistory() }], port });
}

/** Both borrowers' pages: the generated one's, then the crafted one's. */
export async function weighBothBorrowers(bench: BenchServer): Promise<PageWeight[]> {
  const crafted = bench.others[0]!;
  return [...(await weighPages(bench, { ...bench, label: `generated (${bench.events} events)` })), ...(await weighPages(bench, { ...crafted, label: `crafted (${crafted.events} events)` }))];
}

export async function runPageWeightBench(options: { years?: number; distDir?: string } = {}): Promise<{ events: number; pages: PageWeight[] }> {
  const bench = await startPageWeightServer(options);
  try {
    return { events: bench.events, pages: await weighBothBorrowers(bench) };
  } finally {
    await bench.stop();
  }
}

export function printPageWeightBench(result: { events: number; pages: PageWeight[] }): void {
  console.log(`\nPage weight (HTML per page; goal ≤ ${PAGE_WEIGHT_GOAL_BYTES / 1024} KB)`);
  console.table(result.pages.map((p) => ({ borrower: p.borrower ?? "", page: p.path, status: p.status, KB: +(p.bytes / 1024).toFixed(1), goal: p.bytes <= PAGE_WEIGHT_GOAL_BYTES ? "met" : "MISSED" })));
  const top = [...result.pages].sort((a, b) => b.bytes - a.bytes)[0];
  if (top) console.log(`largest: ${top.path} (${top.borrower ?? ""}) ${(top.bytes / 1024).toFixed(1)} KB`);
}

if (process.argv[1] === import.meta.filename) {
  const result = await runPageWeightBench();
  printPageWeightBench(result);
}
