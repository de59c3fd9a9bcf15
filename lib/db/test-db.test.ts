import { expect, it } from "vitest";
import { migrateTarget } from "./migrate";
import { describeDatabases } from "./test-db";

describeDatabases("test database helper", (ctx) => {
  it("is migrated and recorded as `prisma migrate deploy` would", async () => {
    const rows = await ctx().prisma.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }[]>(
      `SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    expect(await ctx().prisma.user.count()).toBe(0);
  });

  it("re-running migrations applies nothing", async () => {
    const { engine, target, prisma } = ctx();
    // PGlite allows one connection per data directory: re-migrating would open a second one.
    if (engine === "pglite") {
      const names = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
      expect(names[0]?.n).toBeGreaterThan(0);
      return;
    }
    expect(await migrateTarget(target)).toEqual([]);
  });
});
