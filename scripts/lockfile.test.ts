import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// `npm ci` (CI's install) refuses a lock with an optional edge to a package it does not hold;
// scripts/prune-lock.mjs removes them after `npm install` (see its header for why they appear).
describe("package-lock.json", () => {
  const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
    packages: Record<string, { optionalDependencies?: Record<string, string> }>;
  };
  const held = new Set(Object.keys(lock.packages).map((key) => key.replace(/^.*node_modules\//, "")));

  it("holds every optional dependency it names, so npm ci accepts it", () => {
    const dangling = Object.entries(lock.packages).flatMap(([key, pkg]) =>
      Object.keys(pkg.optionalDependencies ?? {})
        .filter((name) => !held.has(name))
        .map((name) => `${key || "(root)"} -> ${name}`),
    );
    expect(dangling, "run `npm run lock:prune`").toEqual([]);
  });
});
