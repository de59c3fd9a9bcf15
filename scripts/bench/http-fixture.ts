/**
 * A production server with one signed-in borrower, for the HTTP benchmarks (load.ts, lighthouse.ts):
 * a fresh database (embedded PGlite in a temp dir by default, or a throwaway PostgreSQL from
 * scripts/pg-throwaway.sh with engine "postgres"), a borrower with a generated history, an API
 * token, and a session cookie obtained by signing in over HTTP through next-auth's credentials
 * callback, exactly as a browser does. `stop()` ends the server and removes the database.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { hashPassword } from "@/lib/auth/password";
import { generateHistory } from "@/lib/core/testing/generate";
import { createPrisma, type DbTarget } from "@/lib/db/client";
import { importHistory } from "@/lib/data/history";
import type { HistoryDocument } from "@/lib/history/schema";
import { migrateTarget } from "@/lib/db/migrate";
import { ensureBuild, startNext, type NextServer } from "../lib/next-server";
import { throwawayPostgres } from "../lib/throwaway-postgres";

export const BENCH_DIST = process.env.BENCH_DIST_DIR || ".next-bench";

/** A borrower of the bench server: signed in, with an API token. */
export type BenchBorrower = { cookie: string; token: string; events: number };

export type BenchServer = {
  server: NextServer;
  /** `next-auth.session-token=…`, for a Cookie header. */
  cookie: string;
  token: string;
  events: number;
  engine: "pglite" | "postgres";
  /** The further borrowers asked for with `others`, in order. */
  others: BenchBorrower[];
  stop: () => Promise<void>;
};

/** A history of about `events` events (the generator makes ~3,000 a year), or `years` of it, or the document given. */
function history(options: { events?: number; years?: number; document?: HistoryDocument }) {
  if (options.document) return options.document;
  const years = options.years ?? (options.events ?? 5_000) / 3_000;
  const doc = generateHistory({ years, seed: 7 });
  return doc;
}

async function database(engine: "pglite" | "postgres"): Promise<{ target: DbTarget; release: () => void }> {
  if (engine === "pglite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "credit-health-bench-"));
    return { target: { kind: "pglite", dataDir: path.join(dir, "pglite") }, release: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { url, release } = throwawayPostgres();
  return { target: { kind: "postgres", url }, release };
}

/** Signs in through /api/auth/callback/credentials and returns the session cookie it sets. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => /next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`signing in failed (HTTP ${res.status}): no session cookie`);
  return session.split(";")[0]!;
}

export async function startBenchServer(
  options: {
    events?: number;
    years?: number;
    engine?: "pglite" | "postgres";
    distDir?: string;
    port?: number;
    /** Further borrowers on the same server, each with a history of its own size (`events: 0`: none) or its own document. */
    others?: { events?: number; years?: number; document?: HistoryDocument }[];
    log?: (s: string) => void;
  } = {},
): Promise<BenchServer> {
  const log = options.log ?? ((s: string) => console.error(`[bench] ${s}`));
  const engine = options.engine ?? (process.env.BENCH_ENGINE === "postgres" ? "postgres" : "pglite");
  const distDir = options.distDir ?? BENCH_DIST;
  await ensureBuild(distDir, { log });
  const { target, release } = await database(engine);
  let server: NextServer | undefined;
  try {
    await migrateTarget(target);
    const { prisma, handle } = createPrisma(target);
    const borrowers: { email: string; password: string; token: string; events: number }[] = [];
    try {
      for (const size of [{ events: options.events, years: options.years }, ...(options.others ?? [])]) {
        const email = `bench-${randomBytes(4).toString("hex")}@example.com`;
        const password = randomBytes(12).toString("base64url");
        // The sync API's token format (lib/data/api-tokens.ts): only its sha256 is stored.
        const token = "chk_" + randomBytes(32).toString("base64url");
        const doc = size.events === 0 ? null : history(size);
        const user = await prisma.user.create({ data: { email, passwordHash: await hashPassword(password), name: "Bench" } });
        if (doc) await importHistory(prisma, { userId: user.id, document: doc, now: new Date("2026-01-01T00:00:00Z") });
        await prisma.apiToken.create({ data: { userId: user.id, name: "bench", tokenHash: createHash("sha256").update(token).digest("hex"), prefix: token.slice(0, 12) } });
        borrowers.push({ email, password, token, events: doc?.events.length ?? 0 });
      }
    } finally {
      // PGlite allows one process per data directory: the server opens it next.
      await handle.close();
    }
    log(`${engine} database with ${borrowers.map((b) => b.events).join(" + ")} events; starting the server`);
    const env: Record<string, string> = { NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: "http://127.0.0.1" };
    if (target.kind === "pglite") env.PGLITE_DIR = target.dataDir;
    else env.DATABASE_URL = target.url;
    server = await startNext({ distDir, env, port: options.port });
    const signedIn: BenchBorrower[] = [];
    for (const b of borrowers) signedIn.push({ cookie: await signIn(server.url, b.email, b.password), token: b.token, events: b.events });
    const [first, ...others] = signedIn;
    const s = server;
    return {
      server: s,
      cookie: first!.cookie,
      token: first!.token,
      events: first!.events,
      engine,
      others,
      stop: async () => {
        await s.stop();
        release();
      },
    };
  } catch (err) {
    await server?.stop();
    release();
    throw err;
  }
}

/** Percentiles of a list of latencies (ms), nearest-rank. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
