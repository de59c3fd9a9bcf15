import "server-only";
import { openChangeFeed } from "@/lib/db/change-feed";
import { createPrisma, type PrismaClient } from "@/lib/db/client";
import { DEFAULT_READ_CACHE_BYTES, ReadCache, attachReadCache } from "@/lib/db/read-cache";

type AppDb = { prisma: PrismaClient; cache: ReadCache };

// One client per process, kept on globalThis so Next's dev reloads do not open a second
// PGlite on the same data directory (PGlite allows one process, one connection).
const globalForDb = globalThis as unknown as { __creditHealthDb?: AppDb };

function open(): AppDb {
  const { prisma, handle } = createPrisma();
  // READ_CACHE_MB=0 turns the in-process read cache off (every read goes to the database).
  const mb = Number(process.env.READ_CACHE_MB ?? DEFAULT_READ_CACHE_BYTES / 1024 / 1024);
  const feed = openChangeFeed(handle.target, handle.pglite);
  return { prisma, cache: new ReadCache(feed, { maxBytes: Number.isFinite(mb) && mb >= 0 ? mb * 1024 * 1024 : DEFAULT_READ_CACHE_BYTES }) };
}

function app(): AppDb {
  return (globalForDb.__creditHealthDb ??= open());
}

/**
 * Opened on first use, not on import: `next build` imports every route's modules to collect page
 * data, and an eager client would open (and create) ./data/pglite at build time; tests that import
 * a data module for its types or errors would do the same. Methods are bound to the real client so
 * `db.$transaction(...)` and model delegates behave exactly as on a PrismaClient.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = app().prisma;
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
  has(_target, property) {
    return Reflect.has(app().prisma, property);
  },
});

// Reads through `db` (lib/data/*) may be served from memory; see lib/db/read-cache.ts.
attachReadCache(db, () => app().cache);
