import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { migrateTarget } from "./migrate";
import { readMigrations } from "./schema-engine";
import { describeDatabases } from "./test-db";

describeDatabases("test database helper", (ctx) => {
  it("is migrated and recorded as `prisma migrate deploy` would", async () => {
    const rows = await ctx().prisma.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }[]>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = (await readMigrations()).migrationDirectories;
    // Prisma's checksum is the sha256 of migration.sql: a CLI on another machine accepts this history.
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(
      files.map((f) => [f.path, createHash("sha256").update(f.migrationFile.content.value).digest("hex")]),
    );
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    expect(await ctx().prisma.user.count()).toBe(0);
  });

  it("re-running migrations applies nothing", async () => {
    const { engine, target } = ctx();
    // PGlite allows one connection per data directory (held by ctx().prisma); migrate.test.ts covers it.
    if (engine === "pglite") return;
    expect(await migrateTarget(target)).toEqual([]);
  });
});
