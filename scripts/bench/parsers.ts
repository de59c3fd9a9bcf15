/**
 * Parser benchmark: a generated Alipay bill (GBK, as users upload it) through parseAlipayBill.
 * Pure CPU, no database; the full import bench into PostgreSQL reuses the same generator.
 * Run alone: `npx tsx scripts/bench/parsers.ts [rows]`.
 */
import { parseAlipayBill } from "@/lib/history/alipay";
import { generateAlipayBill } from "@/lib/history/testing/alipay-generator";

export type ParserBenchResult = {
  rows: number;
  /** Median wall time of one parse, in milliseconds (file generation excluded). */
  ms: number;
  rowsPerSec: number;
  bytes: number;
  runs: number;
};

export type ParserBenchOptions = { rows?: number; runs?: number; seed?: number };

/**
 * Parses the same generated file `runs` times after one warm-up run (so JIT compilation is not
 * measured) and reports the median. Throws if the parser's counts differ from the generator's:
 * a fast wrong parser must not produce a number.
 */
export function runParserBench(options: ParserBenchOptions = {}): ParserBenchResult {
  const rows = options.rows ?? 100_000;
  const runs = Math.max(1, options.runs ?? 3);
  const bill = generateAlipayBill(rows, { seed: options.seed ?? 1, encoding: "gbk" });
  const check = parseAlipayBill(bill.bytes);
  const r = check.summary.recognised;
  if (!check.ok || r.borrow !== bill.expected.borrow || r.repayment !== bill.expected.repayment || r.activityRows !== bill.expected.activityRows) {
    throw new Error(`parser bench: counts differ from the generated file: ${JSON.stringify({ got: r, expected: bill.expected, problems: check.problems.slice(0, 3) })}`);
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    parseAlipayBill(bill.bytes);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ms = Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
  return { rows, ms, rowsPerSec: Math.round((rows / ms) * 1000), bytes: bill.bytes.length, runs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 100_000);
  console.log(JSON.stringify(runParserBench({ rows })));
}
