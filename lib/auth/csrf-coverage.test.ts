import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

// Every state-changing, cookie-authenticated route handler must call the one CSRF guard.
// /api/auth is next-auth's (own CSRF token); /api/v1 takes bearer tokens only; /api/email/unsubscribe
// is RFC 8058's one-click POST from mail clients (cross-site by nature, no cookies; a signed token).
const root = path.resolve(import.meta.dirname, "../../app/api");
const EXEMPT = [/^auth\//, /^v1\//, /^email\/unsubscribe\//];

function routes(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routes(path.join(dir, e.name), `${prefix}${e.name}/`) : e.name === "route.ts" ? [`${prefix}${e.name}`] : [],
  );
}

const mutating = routes(root)
  .filter((r) => !EXEMPT.some((re) => re.test(r)))
  .map((r) => ({ route: r, source: readFileSync(path.join(root, r), "utf8") }))
  .filter(({ source }) => /export\s+(async\s+)?(function|const)\s+(POST|PUT|PATCH|DELETE)\b/.test(source));

test("there are mutating route handlers to check (the scan works)", () => {
  expect(mutating.map((m) => m.route)).toContain("app/import/commit/route.ts");
});

test.each(mutating.map((m) => [m.route, m.source]))("%s is built with sessionRoute, which checks the origin of every write", (_route, source) => {
  expect(source).toMatch(/from "@\/lib\/auth\/guards"/);
  expect(source).toMatch(/export const (POST|PUT|PATCH|DELETE) = sessionRoute\(/);
});

test("sessionRoute calls the one CSRF guard before anything else on every method but GET, HEAD and OPTIONS", () => {
  const guards = readFileSync(path.resolve(import.meta.dirname, "guards.ts"), "utf8");
  expect(guards).toMatch(/from "@\/lib\/auth\/csrf"/);
  expect(guards).toMatch(/const SAFE_METHODS = new Set\(\["GET", "HEAD", "OPTIONS"\]\);/);
  expect(guards).toMatch(/try \{\s+if \(!SAFE_METHODS\.has\(request\.method\)\) assertSameOrigin\(request\);/);
});

test("no GET handler outside next-auth and the API writes through a data module's mutating call", () => {
  // A coarse tripwire: GET handlers must not call create/update/delete on the client directly.
  for (const r of routes(root).filter((x) => !EXEMPT.some((re) => re.test(x)))) {
    const source = readFileSync(path.join(root, r), "utf8");
    if (/export\s+(async\s+)?(function|const)\s+GET\b/.test(source)) expect(source, r).not.toMatch(/db\.\w+\.(create|update|upsert|delete)/);
  }
});
