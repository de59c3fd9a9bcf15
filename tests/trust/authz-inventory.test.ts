/**
 * Keeps the cross-user authorization suite (authz.test.ts) complete: every route handler, every
 * exported server action and every page or layout with a dynamic segment under app/ must either be
 * exercised there or be listed below with the reason it takes no borrower's id. A new route that
 * nobody added to the suite fails here instead of shipping untested.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SUITE = readFileSync(path.join(import.meta.dirname, "authz.test.ts"), "utf8");

/** Modules that need no cross-user test, and why. */
const EXEMPT_MODULES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "next-auth's own sign-in endpoints; no borrower id in input (auth engineer's area)",
  "app/api/v1/openapi.json/route.ts": "public, static API description",
  "app/(auth)/sign-up/actions.ts": "creates a new account; acts on no existing borrower",
  "app/(app)/settings/actions.ts":
    "password, e-mail, sign out everywhere and deletion act only on the signed-in user (requireUser) and take no record id; covered by lib/auth/account tests",
};
/** Exported actions that take no id of an existing record, and why. */
const EXEMPT_ACTIONS: Record<string, string> = {
  createTokenAction: "creates a token for the signed-in user; its only input is a name",
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [path.relative(ROOT, p).split(path.sep).join("/")];
  });
}

const files = walk(path.join(ROOT, "app"));
const routes = files.filter((f) => /\/route\.ts$/.test(f));
const actionFiles = files.filter((f) => /\/actions\.ts$/.test(f));
const paramPages = files.filter((f) => /\[[^\]]+\]/.test(f) && /\/(page|layout)\.tsx$/.test(f));
/** `@/app/(app)/data/actions` as the suite imports it. */
const importPath = (f: string) => "@/" + f.replace(/\.tsx?$/, "");

describe("the cross-user suite covers every entry point", () => {
  it("found the app's entry points (the walk itself works)", () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(actionFiles.length).toBeGreaterThan(3);
    expect(paramPages.length).toBeGreaterThan(2);
  });

  it.each([...routes, ...actionFiles, ...paramPages])("%s is tried as borrower B, or exempt with a reason", (file) => {
    if (EXEMPT_MODULES[file]) return;
    expect(SUITE.includes(`"${importPath(file)}"`), `${file} is not imported by tests/trust/authz.test.ts`).toBe(true);
  });

  it("every exported server action is called by the suite, or exempt with a reason", () => {
    const missing: string[] = [];
    for (const file of actionFiles) {
      if (EXEMPT_MODULES[file]) continue;
      const source = readFileSync(path.join(ROOT, file), "utf8");
      for (const [, name] of source.matchAll(/export async function (\w+)/g)) {
        if (!EXEMPT_ACTIONS[name!] && !new RegExp(`\\b${name}\\(`).test(SUITE)) missing.push(`${file}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every route handler and action checks the session or the bearer token itself", () => {
    // Middleware (proxy.ts) is a convenience only; each entry point must authenticate on its own.
    const unguarded = [...routes, ...actionFiles]
      .filter((f) => !EXEMPT_MODULES[f])
      .filter((f) => !/requireUser(OrNull)?\(|Handlers\(/.test(readFileSync(path.join(ROOT, f), "utf8")));
    expect(unguarded).toEqual([]);
  });
});
