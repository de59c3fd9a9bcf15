/**
 * Bill parsing benchmark: a 100,000-row WeChat Pay CSV and XLSX and a 100,000-row Alipay bill in an
 * AES-encrypted zip, each read by readImportFile (the import page's own path: unzip, decode, find
 * the header, rows → events, schema check; the page runs it in the worker pool, this bench in the
 * process, to time the function alone) in a fresh child process, so its peak memory (maxRSS)
 * is that file's alone. Files are generated beforehand and read from disk, as an upload would be.
 * Goals (issue 12): CSV ≥ 100,000 rows/s, XLSX ≥ 20,000 rows/s, peak < 500 MB.
 * Run alone: `npx tsx scripts/bench/bills.ts [rows]`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateAlipayBill } from "@/lib/history/testing/alipay-generator";
import { renderWechatCsv, renderWechatXlsx, zipOne } from "@/lib/history/testing/bill-files";
import { generateWechatRows } from "@/lib/history/testing/bill-rows";
import { readImportFile } from "@/lib/import/read-file";

export const BILLS_BENCH_GOALS = { csvRowsPerSec: 100_000, xlsxRowsPerSec: 20_000, maxPeakMB: 500 } as const;

type Kind = "wechat-csv" | "wechat-xlsx" | "alipay-zip";
export type BillsBenchCase = { kind: Kind; rows: number; events: number; bytes: number; ms: number; rowsPerSec: number; peakRssMB: number; goalRowsPerSec: number };

const SELF = fileURLToPath(import.meta.url);
const PASSWORD = "482913";

/**
 * Child: read a small file of the same kind first (JIT warm-up, as on a server that has served
 * imports before; small, so it leaves the peak memory to the measured file), then time the file.
 */
async function child(kind: Kind, file: string, warm: string): Promise<void> {
  const borrower = { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } };
  const once = async (path: string) => {
    const bytes = new Uint8Array(readFileSync(path));
    const t0 = performance.now();
    const r = await readImportFile(bytes, { borrower, password: PASSWORD });
    const ms = performance.now() - t0;
    if (r.kind !== "parsed" || !r.document) throw new Error(`bills bench: ${kind} did not parse: ${JSON.stringify(r).slice(0, 300)}`);
    return { ms, rows: r.rowsTotal, events: r.document.events.length, bytes: bytes.length };
  };
  await once(warm);
  const { ms, rows, events, bytes } = await once(file);
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ kind, rows, events, bytes, ms, rowsPerSec: (rows / ms) * 1000, peakRssMB }));
}

export async function runBillsBench(options: { rows?: number } = {}): Promise<BillsBenchCase[]> {
  const rows = options.rows ?? 100_000;
  const dir = mkdtempSync(path.join(os.tmpdir(), "bills-bench-"));
  try {
    const make = async (n: number): Promise<Record<Kind, Uint8Array>> => {
      const wechat = generateWechatRows(n, { seed: 31 }).rows;
      return {
        "wechat-csv": renderWechatCsv(wechat),
        "wechat-xlsx": await renderWechatXlsx(wechat),
        "alipay-zip": await zipOne("支付宝交易明细.csv", generateAlipayBill(n, { seed: 32, encoding: "gbk" }).bytes, { password: PASSWORD, encryption: "aes" }),
      };
    };
    const [files, warmFiles] = [await make(rows), await make(2_000)];
    const out: BillsBenchCase[] = [];
    for (const kind of Object.keys(files) as Kind[]) {
      const file = path.join(dir, kind);
      const warm = path.join(dir, `${kind}-warm`);
      writeFileSync(file, files[kind]);
      writeFileSync(warm, warmFiles[kind]);
      const res = spawnSync(process.execPath, [...process.execArgv, SELF, "--child", kind, file, warm], { encoding: "utf8", maxBuffer: 1 << 20 });
      if (res.status !== 0) throw new Error(`bills bench child ${kind} failed: ${res.stderr.slice(-800)}`);
      const line = JSON.parse(res.stdout.trim().split("\n").at(-1)!) as Omit<BillsBenchCase, "goalRowsPerSec">;
      out.push({ ...line, ms: Math.round(line.ms), rowsPerSec: Math.round(line.rowsPerSec), peakRssMB: Math.round(line.peakRssMB), goalRowsPerSec: kind === "wechat-xlsx" ? BILLS_BENCH_GOALS.xlsxRowsPerSec : BILLS_BENCH_GOALS.csvRowsPerSec });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printBillsBench(cases: BillsBenchCase[]): void {
  console.log("\nBill parsing (readImportFile, 100,000 rows each, one child process per file)");
  console.table(cases.map((c) => ({ ...c, meetsGoal: c.rowsPerSec >= c.goalRowsPerSec && c.peakRssMB < BILLS_BENCH_GOALS.maxPeakMB })));
}

if (process.argv[2] === "--child") {
  await child(process.argv[3] as Kind, process.argv[4]!, process.argv[5]!);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  printBillsBench(await runBillsBench({ rows: Number(process.argv[2] ?? 100_000) }));
}
