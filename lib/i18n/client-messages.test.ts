import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, ROOT_CLIENT_NAMESPACES, SEGMENT_CLIENT_NAMESPACES, pickMessages } from "./client-messages";

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

/**
 * The client components a file reaches through its imports (static and dynamic, "@/…" and
 * relative), and the namespaces they read: what the segment's provider must hand out.
 */
function clientNamespacesReached(entry: string): Set<string> {
  const seen = new Set<string>();
  const namespaces = new Set<string>();
  const resolve = (from: string, spec: string): string | null => {
    const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
    if (!base) return null;
    for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
      if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
    }
    return null;
  };
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    if (/^["']use client["']/m.test(text)) for (const m of text.matchAll(/useTranslations\(\s*["']([^"']+)["']\s*\)/g)) namespaces.add(m[1]!);
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g)) {
      const next = resolve(file, m[1]!);
      if (next) visit(next);
    }
  };
  visit(entry);
  return namespaces;
}

const covers = (list: readonly string[], ns: string) => list.some((c) => ns === c || ns.startsWith(`${c}.`));

describe("SEGMENT_CLIENT_NAMESPACES", () => {
  const appDir = path.join(ROOT, "app");
  const routeFiles = (readdirSync(appDir, { recursive: true }) as string[])
    .filter((f) => /(^|\/)(page|layout|loading|error|not-found|template)\.tsx$/.test(f))
    .map((f) => f.split(path.sep).join("/"));
  // The provider a route file sits under: its nearest listed segment, else the root layout's.
  const segmentOf = (file: string) =>
    (Object.keys(SEGMENT_CLIENT_NAMESPACES) as (keyof typeof SEGMENT_CLIENT_NAMESPACES)[])
      .filter((s) => file.startsWith(`${s}/`))
      .sort((a, b) => b.length - a.length)[0];

  it("finds the route files", () => {
    expect(routeFiles).toContain("(app)/dashboard/page.tsx");
  });

  it.each(routeFiles)("%s: every client namespace it reaches is handed to it", (file) => {
    const segment = segmentOf(file);
    // A segment's own layout renders the provider, so what the layout file itself reaches sits above it.
    const own = segment && file !== `${segment}/layout.tsx` ? SEGMENT_CLIENT_NAMESPACES[segment] : ROOT_CLIENT_NAMESPACES;
    const missing = [...clientNamespacesReached(path.join(appDir, file))].filter((ns) => !covers(own, ns));
    expect(missing).toEqual([]);
  });

  it("the dashboard hands out exactly what its client components read, nothing of the other pages'", () => {
    const reached = new Set([...clientNamespacesReached(path.join(appDir, "(app)/dashboard/page.tsx")), ...clientNamespacesReached(path.join(appDir, "(app)/layout.tsx"))]);
    const needed = [...reached].filter((ns) => !covers(ROOT_CLIENT_NAMESPACES, ns)).sort();
    expect([...SEGMENT_CLIENT_NAMESPACES["(app)/dashboard"]].sort()).toEqual(needed);
  });

  it("every segment with a provider has a layout that renders it", () => {
    for (const segment of Object.keys(SEGMENT_CLIENT_NAMESPACES)) {
      const layout = readFileSync(path.join(appDir, segment, "layout.tsx"), "utf8");
      expect(layout).toContain(`<ClientMessages segment="${segment}">`);
    }
  });

  it("the root layout hands out only the root list", () => {
    expect(readFileSync(path.join(appDir, "layout.tsx"), "utf8")).toContain("pickMessages(messages, ROOT_CLIENT_NAMESPACES)");
  });
});
