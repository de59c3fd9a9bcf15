/**
 * Builds a Prisma client on one of the two engines the app supports:
 * - a real PostgreSQL through @prisma/adapter-pg and a connection pool, when a URL is given;
 * - PGlite (Postgres compiled to WASM, on a thread of its own: lib/db/pglite-thread) in a data
 *   directory, when none is.
 * Used by the app (lib/db.ts) and by scripts (migrate, seed, bench) alike, so it must not
 * import "server-only".
 */
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { trackPool } from "./pg-sessions";
import { openPgliteThread } from "./pglite-thread/remote";
import type { EmbeddedListen } from "./pglite-thread/protocol";

export const DEFAULT_PGLITE_DIR = path.join(process.cwd(), "data", "pglite");

export type DbTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

/** `DATABASE_URL` decides the engine; `PGLITE_DIR` moves the embedded data directory. */
export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): DbTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error("DATABASE_URL must start with postgresql://");
    return { kind: "postgres", url };
  }
  return { kind: "pglite", dataDir: env.PGLITE_DIR?.trim() || DEFAULT_PGLITE_DIR };
}

export type DbHandle = {
  target: DbTarget;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** The embedded database, for PGlite targets (its LISTEN feeds lib/db/change-feed.ts). */
  pglite?: EmbeddedListen;
  /** Closes the pool or the PGlite instance (PGlite keeps the process alive until closed). */
  close: () => Promise<void>;
};

export function openAdapter(target: DbTarget): DbHandle {
  if (target.kind === "postgres") {
    // Our own pool, so bulk imports can reach the connection of their transaction (COPY, see
    // lib/db/pg-sessions.ts); Prisma ends it on $disconnect.
    const pool = new pg.Pool({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    trackPool(pool);
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    return { target, adapter, close: async () => {} };
  }
  // PGlite runs each query on the thread that owns it: its own, not the one answering requests.
  const pglite = openPgliteThread(target.dataDir);
  return { target, adapter: pglite.adapter, pglite, close: () => pglite.close() };
}

export function createPrisma(target: DbTarget = targetFromEnv()): { prisma: PrismaClient; handle: DbHandle } {
  const handle = openAdapter(target);
  const prisma = new PrismaClient({ adapter: handle.adapter });
  const close = handle.close;
  handle.close = async () => {
    await prisma.$disconnect();
    await close();
  };
  return { prisma, handle };
}

export type { PrismaClient };
