import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openRenderer } from "@/lib/screenshots/testing/render";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "read-screenshot-"));
  const r = await openRenderer();
  try {
    await writeFile(path.join(dir, "jiebei.png"), await r.render({ kind: "jiebei", limit: "20,000.00", dateLine: "2026.10.18" }));
  } finally {
    await r.close();
  }
  await writeFile(path.join(dir, "notes.txt"), "not an image");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test("prints one JSON entry per readable file and exits 1 naming the unreadable one", { timeout: 180_000 }, async () => {
  const files = [path.join(dir, "jiebei.png"), path.join(dir, "notes.txt")];
  const err = await run("npx", ["tsx", "scripts/read-screenshot.ts", ...files], { cwd: root }).then(
    () => null,
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  expect(err?.code).toBe(1);
  expect(err!.stderr).toContain("notes.txt: cannot be read (not a PNG, JPEG or WebP image)");
  const out = JSON.parse(err!.stdout);
  expect(out).toEqual([
    {
      file: files[0],
      product: "Jiebei",
      observations: [
        { type: "available", value: 20000, date: "2026-10-18" },
        { type: "limit", value: 20000, date: "2026-10-18" },
      ],
      lines: expect.arrayContaining(["借呗", "总额度 20,000.00"]),
    },
  ]);
});
