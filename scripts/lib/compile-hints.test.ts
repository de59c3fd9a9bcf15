import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { COMPILE_HINT, hintRootChunks } from "./compile-hints.mjs";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A build directory with two root chunks, one chunk loaded on demand and a root stylesheet. */
function build(): string {
  dir = mkdtempSync(path.join(os.tmpdir(), "hints-"));
  const dist = path.join(dir, ".next");
  mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
  const manifest = { rootMainFiles: ["static/chunks/react.js", "static/chunks/router.js", "static/chunks/root.css"] };
  writeFileSync(path.join(dist, "build-manifest.json"), JSON.stringify(manifest));
  for (const f of ["react.js", "router.js", "chart.js"]) writeFileSync(path.join(dist, "static", "chunks", f), `/* ${f} */ self.x = 1;`);
  writeFileSync(path.join(dist, "static", "chunks", "root.css"), "body{}");
  return dist;
}
const read = (dist: string, f: string) => readFileSync(path.join(dist, "static", "chunks", f), "utf8");

describe("hintRootChunks", () => {
  it("puts the hint on the first line of the root scripts only", async () => {
    const dist = build();
    expect(await hintRootChunks({ projectDir: dir, distDir: ".next" })).toEqual(["static/chunks/react.js", "static/chunks/router.js"]);
    expect(read(dist, "react.js")).toBe(`${COMPILE_HINT}/* react.js */ self.x = 1;`);
    expect(read(dist, "router.js").startsWith(COMPILE_HINT)).toBe(true);
    expect(read(dist, "chart.js")).toBe("/* chart.js */ self.x = 1;");
    expect(read(dist, "root.css")).toBe("body{}");
  });

  it("adds it once, however often the build step runs", async () => {
    const dist = build();
    await hintRootChunks({ projectDir: dir, distDir: dist });
    expect(await hintRootChunks({ projectDir: dir, distDir: dist })).toEqual([]);
    expect(read(dist, "react.js").split(COMPILE_HINT)).toHaveLength(2);
  });
});
