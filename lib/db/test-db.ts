/**
 * Integration tests against real, freshly migrated databases on both engines the app supports.
 *
 * Usage (in a `*.test.ts` beside the code):
 *
 * ```ts
 * import { it, expect } from "vitest";
 * import { describeDatabases } from "@/lib/db/test-db";
 *
 * describeDatabases("importHistory", (ctx) => {
 *   it("stores events", async () => {
 *     const user = await ctx().prisma.user.create({ data: { email: "a@example.com", passwordHash: "x" } });
 *     // ... ctx().prisma is a PrismaClient; ctx().engine is "pglite" or "postgres"
 *   });
 * });
 * ```
 *
 * - PGlite always runs, in its own temp directory, removed afterwards.
 * - PostgreSQL runs when TEST_DATABASE_URL is set (e.g. postgresql://postgres@127.0.0.1:5433/postgres):
 *   a uniquely named database is created on that server, migrated, and dropped afterwards.
 *   Without the variable the PostgreSQL block shows one skipped test saying so; with CI=true it
 *   fails instead, so CI can never pass by silently testing one engine.
 * - One database per `describeDatabases` block (migrating takes seconds), shared by its tests:
 *   give every test its own user (unique e-mail) rather than relying on empty tables.
 *
 * `openTestDatabase(engine)` gives the same database without vitest, for benchmarks and scripts.
 */
import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createHash, randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createPrisma, type DbHandle, type DbTarget, type PrismaClient } from "./client";
import { migrateTarget, runSql } from "./migrate";
import { readMigrations } from "./schema-engine";

export type TestEngine = "pglite" | "postgres";
export type TestDatabase = { engine: TestEngine; prisma: PrismaClient; target: DbTarget; handle: DbHandle; close: () => Promise<void> };

export const TEST_DATABASE_URL_VAR = "TEST_DATABASE_URL";

/** A freshly migrated database on `engine`; `close()` disconnects and deletes it. */
export async function openTestDatabase(engine: TestEngine, env: Record<string, string | undefined> = process.env): Promise<TestDatabase> {
  if (engine === "pglite") {
    const template = await pgliteTemplate();
    const dir = await mkdtemp(path.join(os.tmpdir(), "credit-health-test-"));
    const target: DbTarget = { kind: "pglite", dataDir: path.join(dir, "pglite") };
    await cp(template, target.dataDir, { recursive: true });
    const { prisma, handle } = createPrisma(target);
    return {
      engine,
      prisma,
      target,
      handle,
      close: async () => {
        await handle.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }

  const serverUrl = env[TEST_DATABASE_URL_VAR]?.trim();
  if (!serverUrl) throw new Error(`${TEST_DATABASE_URL_VAR} is not set: cannot open a PostgreSQL test database.`);
  const name = `credit_health_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = (sql: string) => runSql(serverUrl, sql);
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const target: DbTarget = { kind: "postgres", url: url.toString() };
  // FORCE ends connections a failed test may have left open (PostgreSQL 13+).
  const drop = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  try {
    await migrateTarget(target);
  } catch (err) {
    await drop();
    throw err;
  }
  const { prisma, handle } = createPrisma(target);
  return {
    engine,
    prisma,
    target,
    handle,
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}

/**
 * A migrated PGlite data directory to copy: creating and migrating one takes seconds, copying it
 * a fraction of that. Shared by all test processes through the temp dir, keyed by the migrations'
 * content so a new migration builds a new template; built aside and renamed into place, so
 * parallel test files never see a half-built one.
 */
async function pgliteTemplate(): Promise<string> {
  const migrations = await readMigrations();
  const hash = createHash("sha256");
  for (const m of migrations.migrationDirectories) hash.update(`${m.path}\0${m.migrationFile.content.value}\0`);
  const dir = path.join(os.tmpdir(), `credit-health-pglite-template-${hash.digest("hex").slice(0, 16)}`);
  const dataDir = path.join(dir, "pglite");
  if ((await readFile(path.join(dir, "ready"), "utf8").catch(() => "")) === "ok") return dataDir;
  const work = await mkdtemp(path.join(os.tmpdir(), "credit-health-pglite-build-"));
  try {
    await migrateTarget({ kind: "pglite", dataDir: path.join(work, "pglite") });
    await writeFile(path.join(work, "ready"), "ok");
    await rename(work, dir).catch(async (err: NodeJS.ErrnoException) => {
      // Another test process finished first: use its template.
      if (err.code !== "ENOTEMPTY" && err.code !== "EEXIST") throw err;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return dataDir;
}

/**
 * Declares `body` once per engine, each inside its own `describe` with its own database.
 * `ctx()` returns the current engine's database; call it inside tests or hooks, not at
 * declaration time (the database is opened in `beforeAll`).
 */
export function describeDatabases(name: string, body: (ctx: () => TestDatabase) => void): void {
  for (const engine of ["pglite", "postgres"] as const) {
    describe(`${name} [${engine}]`, () => {
      if (engine === "postgres" && !process.env[TEST_DATABASE_URL_VAR]?.trim()) {
        const reason = `PostgreSQL variant needs ${TEST_DATABASE_URL_VAR} (e.g. postgresql://postgres@127.0.0.1:5433/postgres)`;
        if (process.env.CI === "true") {
          it(`${reason}; it is required when CI=true`, () => {
            throw new Error(`${TEST_DATABASE_URL_VAR} must be set when CI=true: the PostgreSQL variant cannot be skipped in CI.`);
          });
        } else {
          // Skipped, not silently absent: the reporter shows which variable would run it.
          it.skipIf(true)(`skipped: ${reason}`, () => {});
        }
        return;
      }
      let db: TestDatabase | undefined;
      beforeAll(async () => {
        db = await openTestDatabase(engine);
      });
      afterAll(async () => {
        await db?.close();
      });
      body(() => {
        if (!db) throw new Error(`The ${engine} test database is not open yet: call ctx() inside a test or hook.`);
        return db;
      });
    });
  }
}
