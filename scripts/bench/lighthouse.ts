/**
 * Lighthouse bench: the dashboard of a signed-in borrower with ten years of data (~30,000 events),
 * served by a production build on 127.0.0.1, audited by Lighthouse 12 in headless Chromium with the
 * session cookie passed as an extra header. Reports the performance score, LCP and CLS for the
 * mobile (Lighthouse's default: emulated mid-range phone, simulated slow 4G) and desktop presets,
 * and the size of the dashboard's data: the JSON endpoint and the HTML document (which carries the
 * same data as the RSC payload). Issue 14's goals: every one of six mobile runs at least 0.9, their
 * median LCP at most 2.0 s, CLS under 0.1. Figures only. Run alone: `npx tsx scripts/bench/lighthouse.ts`
 * (LH_RUNS=n for another number of mobile runs).
 */
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { CHROMIUM_ARGS, chromiumPath } from "../lib/chromium";
import { startBenchServer } from "./http-fixture";

export const LIGHTHOUSE_BENCH_GOALS = { minPerformance: 0.9, maxMedianLcpMs: 2000, maxCls: 0.1, maxDataKB: 200, mobileRuns: 6 } as const;

/**
 * LH_CHROME_FLAGS adds Chromium flags, for diagnosis only: the bench's figures are taken without
 * it. E.g. "--disable-features=PaintHolding" shows how much of a run's LCP is headless Chromium
 * holding the first frame back (README, Lighthouse).
 */
const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_ARGS, ...(process.env.LH_CHROME_FLAGS?.split(" ").filter(Boolean) ?? [])];

export type LighthouseRun = {
  formFactor: "mobile" | "desktop";
  performance: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** What the trace saw, before Lantern's simulation: the first contentful paint and the load event. */
  observedFcpMs: number;
  observedLoadMs: number;
  /**
   * The page had loaded before its first paint was presented: the signature of Chromium's
   * BeginFrame throttling during the load (GoogleChrome/lighthouse#17148), which moves the observed
   * paint by whole seconds and makes Lantern count every script as needed for LCP.
   */
  held: boolean;
  documentKB: number;
  totalKB: number;
};
export type LighthouseBenchResult = {
  events: number;
  runs: LighthouseRun[];
  /** The median LCP of the mobile runs. */
  mobileMedianLcpMs: number;
  /** GET /api/app/dashboard: what the page renders, as JSON. */
  dataKB: number;
  dataGzipKB: number;
  goalsMet: boolean;
};

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function runLighthouseBench(options: { years?: number; mobileRuns?: number } = {}): Promise<LighthouseBenchResult> {
  const mobileRuns = options.mobileRuns ?? (Number(process.env.LH_RUNS) || LIGHTHOUSE_BENCH_GOALS.mobileRuns);
  // BENCH_PORT pins the server's port (and the next one Chromium's debugging port) on a shared machine.
  const port = Number(process.env.BENCH_PORT) || undefined;
  const bench = await startBenchServer({ years: options.years ?? 10, port });
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath() ?? "/usr/bin/chromium", chromeFlags: CHROME_FLAGS, logLevel: "silent", port: port && port + 1 });
  try {
    const url = `${bench.server.url}/dashboard`;
    const data = await fetch(`${bench.server.url}/api/app/dashboard`, { headers: { cookie: bench.cookie } });
    if (!data.ok) throw new Error(`dashboard data answered ${data.status}`);
    const body = Buffer.from(await data.arrayBuffer());
    // One unmeasured visit so the route is warm, as it is for every visitor but the first.
    await fetch(url, { headers: { cookie: bench.cookie } }).then((r) => r.arrayBuffer());

    const runs: LighthouseRun[] = [];
    const order = [...Array.from({ length: mobileRuns }, () => "mobile" as const), "desktop" as const];
    for (const [i, formFactor] of order.entries()) {
      const result = await lighthouse(
        url,
        { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: bench.cookie } },
        formFactor === "desktop" ? desktopConfig : undefined,
      );
      if (!result) throw new Error("lighthouse returned no result");
      const lhr = result.lhr;
      // LH_REPORT_DIR=dir keeps each run's full report, to see where the main thread's time went.
      if (process.env.LH_REPORT_DIR) {
        writeFileSync(`${process.env.LH_REPORT_DIR}/lighthouse-${formFactor}-${i + 1}.json`, JSON.stringify(lhr));
        writeFileSync(`${process.env.LH_REPORT_DIR}/trace-${formFactor}-${i + 1}.json`, JSON.stringify(result.artifacts.Trace ?? null));
      }
      if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.message}`);
      if (!lhr.finalDisplayedUrl.endsWith("/dashboard")) throw new Error(`lighthouse ended on ${lhr.finalDisplayedUrl}, not the dashboard (sign-in lost?)`);
      const items = ((lhr.audits["network-requests"]?.details as { items?: { url: string; transferSize?: number }[] })?.items ?? []);
      const observed = (lhr.audits.metrics?.details as { items?: { observedFirstContentfulPaint?: number; observedLoad?: number }[] })?.items?.[0] ?? {};
      const observedFcpMs = Math.round(observed.observedFirstContentfulPaint ?? NaN);
      const observedLoadMs = Math.round(observed.observedLoad ?? NaN);
      runs.push({
        formFactor,
        performance: lhr.categories.performance?.score ?? NaN,
        lcpMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN),
        tbtMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? NaN),
        observedFcpMs,
        observedLoadMs,
        held: observedLoadMs < observedFcpMs,
        cls: Math.round((lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN) * 1000) / 1000,
        documentKB: kb(items.find((i) => i.url === url)?.transferSize ?? NaN),
        totalKB: kb(items.reduce((s, i) => s + (i.transferSize ?? 0), 0)),
      });
    }
    const dataKB = kb(body.length);
    const g = LIGHTHOUSE_BENCH_GOALS;
    const mobile = runs.filter((r) => r.formFactor === "mobile");
    const mobileMedianLcpMs = median(mobile.map((r) => r.lcpMs));
    const goalsMet =
      dataKB < g.maxDataKB && mobileMedianLcpMs <= g.maxMedianLcpMs && mobile.every((r) => r.performance >= g.minPerformance) && runs.every((r) => r.cls < g.maxCls);
    return { events: bench.events, runs, mobileMedianLcpMs, dataKB, dataGzipKB: kb(gzipSync(body).length), goalsMet };
  } finally {
    chrome.kill();
    await bench.stop();
  }
}

export function printLighthouseBench(r: LighthouseBenchResult): void {
  const g = LIGHTHOUSE_BENCH_GOALS;
  console.log(
    `\nLighthouse, dashboard with ${r.events} events (goals: every mobile run's performance >= ${g.minPerformance}, median mobile LCP <= ${g.maxMedianLcpMs} ms, CLS < ${g.maxCls}, data < ${g.maxDataKB} KB)`,
  );
  console.table(
    r.runs.map((x) => ({
      "form factor": x.formFactor,
      performance: x.performance,
      "LCP ms": x.lcpMs,
      "TBT ms": x.tbtMs,
      CLS: x.cls,
      "observed paint / load ms": `${x.observedFcpMs} / ${x.observedLoadMs}`,
      "paint held": x.held ? "yes" : "",
      "document KB (transfer)": x.documentKB,
      "page total KB": x.totalKB,
    })),
  );
  const held = r.runs.filter((x) => x.formFactor === "mobile" && x.held).length;
  console.log(`  mobile runs whose first paint came after the load event (held, GoogleChrome/lighthouse#17148): ${held} of ${r.runs.filter((x) => x.formFactor === "mobile").length}`);
  console.log(`  median mobile LCP: ${r.mobileMedianLcpMs} ms`);
  console.log(`  dashboard data (GET /api/app/dashboard): ${r.dataKB} KB, ${r.dataGzipKB} KB gzipped`);
  console.log(`  goals met: ${r.goalsMet ? "yes" : "NO"}`);
  if (process.env.LH_CHROME_FLAGS) console.log(`  extra Chromium flags (diagnosis, not the bench's figures): ${process.env.LH_CHROME_FLAGS}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runLighthouseBench().then(
    (r) => {
      printLighthouseBench(r);
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
