/**
 * `npm start`: one command from a fresh checkout to a running app.
 *   1. apply pending migrations (embedded PGlite, or PostgreSQL when DATABASE_URL is set);
 *   2. find or create NEXTAUTH_SECRET (scripts/lib/auth-secret.ts);
 *   3. run `next build` if there is no production build yet;
 *   4. run `next start` on PORT (default 3000), with NEXTAUTH_URL derived from it when unset,
 *      forwarding signals and its exit code.
 * No shared demo account is seeded: "Try the demo" on the landing page creates a private one per
 * visitor (lib/demo/create.ts). Extra arguments go to `next start` (e.g. `-- -H 0.0.0.0`).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { constants } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { baseUrlFrom } from "@/lib/auth/base-url";
import { targetFromEnv } from "@/lib/db/client";
import { migrateTarget } from "@/lib/db/migrate";
import { resolveAuthSecret } from "./lib/auth-secret";

const FORWARDED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** Runs `next <args>` as a child, passing our signals on; resolves with its exit code. */
function runNext(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const s of FORWARDED_SIGNALS) process.on(s, forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      for (const s of FORWARDED_SIGNALS) process.off(s, forward);
      // A child ended by a signal exits as the shell would report it: 128 + signal number.
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 1));
    });
  });
}

async function main(): Promise<number> {
  const target = targetFromEnv();
  const port = process.env.PORT?.trim() || "3000";
  if (!/^\d{1,5}$/.test(port)) throw new Error(`PORT must be a number, got "${port}".`);

  // Checked first: a deployment without its secret should fail before touching the database.
  const secret = await resolveAuthSecret(target);

  const applied = await migrateTarget(target);
  if (applied.length) console.log(`[start] applied migrations: ${applied.join(", ")}`);

  // Sign-in answers must point at this port, not next-auth's default of 3000.
  const env: NodeJS.ProcessEnv = { ...process.env, NEXTAUTH_SECRET: secret, PORT: port, NEXTAUTH_URL: baseUrlFrom({ ...process.env, PORT: port }) };
  const buildId = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) {
    console.log("[start] no production build found: running `next build`");
    const code = await runNext(["build"], { ...env, NODE_ENV: "production" });
    if (code !== 0) throw new Error(`next build failed (exit code ${code}).`);
  }

  const where = target.kind === "pglite" ? `embedded PGlite at ${target.dataDir}` : "PostgreSQL (DATABASE_URL)";
  console.log(`[start] starting Next on port ${port} with ${where}`);
  return runNext(["start", "-p", port, ...process.argv.slice(2)], env);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[start] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
