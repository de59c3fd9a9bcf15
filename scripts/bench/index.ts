/**
 * `npm run bench`: every benchmark, one after another, each printing its table; at the end one
 * JSON document with all figures is written to bench-results/latest.json (the README quotes it).
 * Pass names to run a subset: `npm run bench -- core import`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { printBillsBench, runBillsBench } from "./bills";
import { runCoreBench } from "./core";
import { printExplainOffloadBench, runExplainOffloadBench } from "./explain-offload";
import { printImportBench, runImportBench } from "./import";
import { printLighthouseBench, runLighthouseBench } from "./lighthouse";
import { printLoadBench, runLoadBench } from "./load";
import { printNeighbourBench, runNeighbourBench } from "./neighbour";
import { printPageWeightBench, runPageWeightBench } from "./page-weight";
import { runParserBench } from "./parsers";
import { runRemindersBench } from "./reminders";
import { printScreenshotMemoryBench, runScreenshotMemoryBench } from "./screenshot-memory";
import { printScreenshotBench, runScreenshotBench } from "./screenshots";
import { runThrottleBench } from "./throttle";

type Bench = { name: string; run: () => Promise<unknown> };

const benches: Bench[] = [
  {
    name: "core",
    run: async () => {
      const r = await runCoreBench();
      console.log("\nRule core (ten-year history; CPU ms, medians)");
      console.table(r);
      return r;
    },
  },
  {
    // Explaining a history here or in the worker pool: what the request thread pays for each.
    name: "explain",
    run: async () => {
      const r = await runExplainOffloadBench();
      printExplainOffloadBench(r);
      return r;
    },
  },
  {
    name: "parsers",
    run: async () => {
      const r = runParserBench();
      console.log("\nAlipay bill parser (100,000 rows, GBK)");
      console.table([r]);
      return r;
    },
  },
  {
    // WeChat Pay CSV and XLSX and a zipped Alipay bill, 100,000 rows each, one child process per file.
    name: "bills",
    run: async () => {
      const r = await runBillsBench();
      printBillsBench(r);
      return r;
    },
  },
  {
    name: "import",
    run: async () => {
      const r = await runImportBench();
      printImportBench(r);
      return r;
    },
  },
  {
    name: "reminders",
    run: async () => {
      const r = runRemindersBench();
      console.log("\nReminders for 10,000 borrowers (CPU ms; goal < 10 s)");
      console.table([r]);
      return r;
    },
  },
  {
    name: "throttle",
    run: async () => {
      const r = await runThrottleBench();
      console.log("\nSign-in throttling (one account, simulated clock)");
      console.table([r]);
      return r;
    },
  },
  {
    // OCR through the worker pool, then over HTTP beside another borrower's dashboard requests.
    name: "screenshots",
    run: async () => {
      const r = await runScreenshotBench();
      printScreenshotBench(r);
      return r;
    },
  },
  {
    // Where the OCR worker's memory goes, phase by phase, in one worker thread.
    name: "screenshot-memory",
    run: async () => {
      const r = await runScreenshotMemoryBench();
      printScreenshotMemoryBench(r);
      return r;
    },
  },
  {
    // Production build on 127.0.0.1 (built into .next-bench the first time), autocannon 50 x 20 s.
    name: "load",
    run: async () => {
      const r = await runLoadBench();
      printLoadBench(r);
      return r;
    },
  },
  {
    // Borrower A's dashboard data while borrower B syncs 100,000 events or loads a heavy page.
    name: "neighbour",
    run: async () => {
      const r = await runNeighbourBench({ engine: process.env.BENCH_ENGINE === "postgres" ? "postgres" : undefined });
      printNeighbourBench(r);
      return r;
    },
  },
  {
    // A 100,000-event borrower: the HTML of every signed-in page (goal ≤ 300 KB each).
    name: "pages",
    run: async () => {
      const r = await runPageWeightBench();
      printPageWeightBench(r);
      return r;
    },
  },
  {
    name: "lighthouse",
    run: async () => {
      const r = await runLighthouseBench();
      printLighthouseBench(r);
      return r;
    },
  },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !benches.some((b) => b.name === w));
if (unknown.length) {
  console.error(`unknown bench: ${unknown.join(", ")}; known: ${benches.map((b) => b.name).join(", ")}`);
  process.exit(2);
}
const results: Record<string, unknown> = { date: new Date().toISOString(), cpus: (await import("node:os")).cpus().length };
let failed = false;
for (const bench of benches.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
  console.log(`\n== bench: ${bench.name}`);
  try {
    results[bench.name] = await bench.run();
  } catch (err) {
    failed = true;
    console.error(`bench ${bench.name} failed: ${(err as Error).message}`);
  }
}
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/latest.json", JSON.stringify(results, null, 2));
console.log("\nall figures: bench-results/latest.json");
process.exit(failed ? 1 : 0);
