import "server-only";
import { createPrisma, type PrismaClient } from "@/lib/db/client";

// One client per process, kept on globalThis so Next's dev reloads do not open a second
// PGlite on the same data directory (PGlite allows one process, one connection).
const globalForDb = globalThis as unknown as { __creditHealthDb?: PrismaClient };

export const db: PrismaClient = globalForDb.__creditHealthDb ?? (globalForDb.__creditHealthDb = createPrisma().prisma);
