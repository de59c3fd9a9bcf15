import { describe, expect, it } from "vitest";
import { runParserBench } from "./parsers";

describe("runParserBench", () => {
  it("measures a generated bill and reports consistent figures", () => {
    const r = runParserBench({ rows: 2_000, runs: 1 });
    expect(r.rows).toBe(2_000);
    expect(r.runs).toBe(1);
    expect(r.ms).toBeGreaterThan(0);
    expect(r.rowsPerSec).toBe(Math.round((r.rows / r.ms) * 1000));
    expect(r.bytes).toBeGreaterThan(2_000 * 50);
  });
});
