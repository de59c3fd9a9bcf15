/**
 * A throwaway PostgreSQL cluster for the benchmarks, through scripts/pg-throwaway.sh: started on
 * 127.0.0.1 in a fresh temp directory, removed by `release()` — and also when the start itself fails.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function throwawayPostgres(): { url: string; release: () => void } {
  // The script's own directory: it hands it to the postgres user (a subdirectory of a 0700
  // temp dir would be unreachable for it) and removes it on stop, even after a failed start.
  const dir = mkdtempSync(path.join(os.tmpdir(), "credit-health-bench-pg-"));
  const release = () => {
    execFileSync("bash", ["scripts/pg-throwaway.sh", "stop", dir]);
  };
  try {
    const url = execFileSync("bash", ["scripts/pg-throwaway.sh", "start", dir], { encoding: "utf8" }).trim();
    return { url, release };
  } catch (err) {
    release();
    throw err;
  }
}
