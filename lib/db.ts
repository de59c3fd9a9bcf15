import "server-only";
import { createPrisma, type PrismaClient } from "@/lib/db/client";

// One client per process, kept on globalThis so Next's dev reloads do not open a second
// PGlite on the same data directory (PGlite allows one process, one connection).
const globalForDb = globalThis as unknown as { __creditHealthDb?: PrismaClient };

function client(): PrismaClient {
  return (globalForDb.__creditHealthDb ??= createPrisma().prisma);
}

/**
 * Opened on first use, not on import: `next build` imports every route's modules to collect page
 * data, and an eager client would open (and create) ./data/pglite at build time; tests that import
 * a data module for its types or errors would do the same. Methods are bound to the real client so
 * `db.$transaction(...)` and model delegates behave exactly as on a PrismaClient.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
  has(_target, property) {
    return Reflect.has(client(), property);
  },
});
