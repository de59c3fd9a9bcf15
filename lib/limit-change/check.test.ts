import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkLimitChange } from "./check";
import { parseLimitChange } from "./validation";

const TODAY = "2026-03-17";
const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Every module `file` imports, transitively, within the project (the `@/` alias and relative
 * paths), as the client bundle sees it: a "use server" module is only a reference there.
 */
function importGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  if (/^\s*["']use server["']/.test(source)) return seen;
  for (const [, spec] of source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms)) {
    if (spec!.startsWith("@/")) importGraph(resolve(path.join(ROOT, spec!.slice(2))), seen);
    else if (spec!.startsWith(".")) importGraph(resolve(path.resolve(path.dirname(file), spec!)), seen);
    else seen.add(spec!);
  }
  return seen;
}
const resolve = (base: string) => [".ts", ".tsx", "/index.ts"].map((ext) => base + ext).find((f) => safeRead(f)) ?? base;
const safeRead = (f: string) => {
  try {
    return readFileSync(f).length >= 0;
  } catch {
    return false;
  }
};

describe("checkLimitChange", () => {
  it("reads the form's text and answers one error code per field", () => {
    expect(checkLimitChange({ previous: "3万", current: "0", date: TODAY }, TODAY)).toEqual({
      ok: true,
      value: { previous: 30000, current: 0, date: TODAY, score: undefined },
    });
    expect(checkLimitChange({ previous: "lots", current: "", date: "2026-03-18", score: "high" }, TODAY)).toEqual({
      ok: false,
      errors: { previous: "notAmount", current: "required", date: "future", score: "notScore" },
    });
  });

  it("agrees with the server action's schema on any text the form can send", () => {
    const amount = fc.oneof(fc.constantFrom("", "0", "30,000", "3万", "3.5万", "¥1,234.56", "1e5", "３万", " 500 "), fc.string({ maxLength: 12 }));
    const day = fc.oneof(fc.constantFrom("", TODAY, "2026-03-18", "2026-02-30", "1999-12-31", "2000-01-01", "2026-3-1"), fc.string({ maxLength: 12 }));
    const score = fc.oneof(fc.constantFrom("", "680", "６８０", "12345", "high"), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.record({ previous: amount, current: amount, date: day, score }), (text) => {
        expect(checkLimitChange(text, TODAY)).toEqual(parseLimitChange(text, TODAY));
      }),
      { numRuns: 500 },
    );
  });

  it("pulls in neither zod nor the history schema: it ships in the dashboard's first-load JavaScript", () => {
    const graph = importGraph(path.join(ROOT, "lib/limit-change/check.ts"));
    const form = importGraph(path.join(ROOT, "components/first-visit/limit-change-form.tsx"));
    for (const modules of [graph, form]) {
      expect([...modules].filter((m) => m === "zod" || m.endsWith("lib/history/schema.ts") || m.endsWith("lib/limit-change/validation.ts"))).toEqual([]);
    }
    expect(graph.has(path.join(ROOT, "lib/days.ts"))).toBe(true);
  });
});
