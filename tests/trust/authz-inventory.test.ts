/**
 * Keeps the cross-user authorization suite (authz.test.ts) complete and every entry point behind
 * its guard (lib/auth/guards.ts): every server action lives in lib/actions, is built with
 * `authedAction` (or `publicAction` for what runs before sign-in) and is called by the suite; every
 * route handler and every page or layout with a dynamic segment under app/ is exercised there.
 * Only the two routes that serve no borrower at all are named below, with why.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SUITE = readFileSync(path.join(import.meta.dirname, "authz.test.ts"), "utf8");

/** Routes that no borrower's session or token reaches, and why. */
const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "next-auth's own sign-in endpoints; no borrower id in input (tested in lib/auth)",
  "app/api/v1/openapi.json/route.ts": "public, static API description",
  "app/share-target/route.ts": "Android's share-target fallback: reads no session, no body and nothing stored; only redirects",
};

/**
 * Routes whose credential is a secret in the request itself, not a session or an API token
 * (calendar apps and mail clients send no cookies); each must call the check named here.
 */
const SECRET_LINK_ROUTES: Record<string, RegExp> = {
  "app/api/calendar/[token]/route.ts": /\bcalendarResponse\(/,
  "app/api/email/unsubscribe/route.ts": /\bunsubscribeWithToken\(/,
};

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [path.relative(ROOT, p).split(path.sep).join("/")];
  });
}

const appFiles = walk(path.join(ROOT, "app"));
const routes = appFiles.filter((f) => /\/route\.ts$/.test(f));
const paramPages = appFiles.filter((f) => /\[[^\]]+\]/.test(f) && /\/(page|layout)\.tsx$/.test(f));
const actionFiles = walk(path.join(ROOT, "lib/actions")).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f) && !f.includes("/testing/"));
const source = (f: string) => readFileSync(path.join(ROOT, f), "utf8");
/** `@/lib/actions/events` as the suite imports it. */
const importPath = (f: string) => "@/" + f.replace(/\.tsx?$/, "");

describe("every entry point is guarded and tried as borrower B", () => {
  it("found the app's entry points (the walk itself works)", () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(actionFiles.length).toBeGreaterThan(6);
    expect(paramPages.length).toBeGreaterThan(2);
  });

  it("no server action lives under app/ (they are in lib/actions)", () => {
    expect(appFiles.filter((f) => /(^|\/)actions\.tsx?$/.test(f) || /^["']use server["']/m.test(source(f)))).toEqual([]);
  });

  it.each([...routes.filter((f) => !PUBLIC_ROUTES[f]), ...actionFiles, ...paramPages])("%s is imported by the cross-user suite", (file) => {
    expect(SUITE.includes(`"${importPath(file)}"`), `${file} is not imported by tests/trust/authz.test.ts`).toBe(true);
  });

  it.each(actionFiles)("%s exports only guarded actions, each called by the suite", (file) => {
    const text = source(file);
    expect(text.startsWith('"use server";'), `${file} must start with "use server"`).toBe(true);
    const exported = [...text.matchAll(/^export (?:async function|function|const|let|class) (\w+)(.*)$/gm)];
    expect(exported.length).toBeGreaterThan(0);
    for (const [line, name, rest] of exported) {
      expect(rest, `${file}: ${line}`).toMatch(/^ = (authedAction|publicAction)\(/);
      expect(new RegExp(`\\b${name}\\(`).test(SUITE), `${file}: ${name} is not called by tests/trust/authz.test.ts`).toBe(true);
    }
  });

  it("publicAction is kept for what runs before sign-in: sign-up, the language and starting a demo", () => {
    const publicOnes = actionFiles.flatMap((f) => [...source(f).matchAll(/^export const (\w+) = publicAction\(/gm)].map((m) => m[1]));
    expect(publicOnes.sort()).toEqual(["setLocale", "signUpAction", "startDemoAction"]);
  });

  it("every route handler is built with its guard (sessionRoute, or apiHandler for /api/v1)", () => {
    // Middleware (proxy.ts) is a convenience only; each entry point must authenticate on its own.
    const unguarded = routes
      .filter((f) => !PUBLIC_ROUTES[f])
      .filter((f) => !SECRET_LINK_ROUTES[f]?.test(source(f)))
      .filter((f) => !/\bsessionRoute\(|\bexportRoute\(|Handlers\(/.test(source(f)));
    expect(unguarded).toEqual([]);
    expect(source("lib/export/http.ts")).toMatch(/sessionRoute\(/);
    for (const f of walk(path.join(ROOT, "lib/api/v1")).filter((f) => !f.endsWith(".test.ts") && /Handlers\(/.test(source(f)))) {
      expect(source(f), f).toMatch(/apiHandler\(/);
    }
  });
});
