import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, pickMessages } from "./client-messages";

const ROOT = path.resolve(__dirname, "../..");

describe("pickMessages", () => {
  it("keeps only the listed namespaces, nested as in the catalogue", () => {
    const messages = { a: { x: "1" }, b: { c: { y: "2" }, d: { z: "3" } }, e: "4" };
    expect(pickMessages(messages, ["a", "b.c", "missing.ns"])).toEqual({ a: { x: "1" }, b: { c: { y: "2" } } });
  });
});

describe("CLIENT_NAMESPACES", () => {
  // Every namespace a client component asks for must reach the browser, or it shows raw keys.
  const files = ["app", "components", "lib"].flatMap((dir) =>
    (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(ROOT, dir, f)),
  );
  const used = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (!/^["']use client["']/m.test(text)) continue;
    for (const m of text.matchAll(/useTranslations\(\s*["']([^"']+)["']\s*\)/g)) used.add(m[1]!);
  }

  it("finds the client components' namespaces", () => {
    expect(used.size).toBeGreaterThan(0);
  });

  it.each([...used].sort())("covers %s", (ns) => {
    expect(CLIENT_NAMESPACES.some((c) => ns === c || ns.startsWith(`${c}.`))).toBe(true);
  });
});
