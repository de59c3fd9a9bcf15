import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateTarget, migrationSlug, migrationTimestamp, pendingSchemaChanges } from "./migrate";
import { SCHEMA_PATH } from "./schema-engine";

describe("migrations vs schema.prisma (drift)", () => {
  it("the migrations folder produces exactly prisma/schema.prisma", async () => {
    const sql = await pendingSchemaChanges();
    // If this fails: run `npm run db:migration:new -- <name>` and commit the new folder.
    expect(sql, "schema.prisma changed without a migration").toBe("");
  });

  const tmp = mkdtemp(path.join(os.tmpdir(), "credit-health-drift-"));
  afterAll(async () => rm(await tmp, { recursive: true, force: true }));

  it("detects a model that exists only in the schema", async () => {
    const schemaPath = path.join(await tmp, "schema.prisma");
    const schema = await readFile(SCHEMA_PATH, "utf8");
    await writeFile(schemaPath, `${schema}\nmodel DriftProbe {\n  id String @id\n}\n`);
    const sql = await pendingSchemaChanges({ schemaPath });
    expect(sql).toContain('CREATE TABLE "DriftProbe"');
    expect(sql).not.toContain('CREATE TABLE "User"');
  });
});

describe("migrateTarget on PGlite", () => {
  const tmp = mkdtemp(path.join(os.tmpdir(), "credit-health-migrate-"));
  afterAll(async () => rm(await tmp, { recursive: true, force: true }));

  it("applies every migration once; re-running applies nothing", async () => {
    const target = { kind: "pglite" as const, dataDir: path.join(await tmp, "pglite") };
    const applied = await migrateTarget(target);
    expect(applied).toContain("20261122230947_init");
    expect(await migrateTarget(target)).toEqual([]);
  });

  it("says what is wrong when there are no migrations", async () => {
    const target = { kind: "pglite" as const, dataDir: path.join(await tmp, "empty") };
    await expect(migrateTarget(target, { migrationsDir: path.join(await tmp, "none") })).rejects.toThrow(/No migrations found/);
  });
});

describe("migration naming", () => {
  it.each([
    ["init", "init"],
    ["Add appeals!", "add_appeals"],
    ["  rate--limit  ", "rate_limit"],
  ])("slug of %j is %j", (name, slug) => expect(migrationSlug(name)).toBe(slug));

  it("rejects a name without letters or digits", () => expect(() => migrationSlug("--")).toThrow(/letters or digits/));

  it("stamps UTC to the second like Prisma", () => {
    expect(migrationTimestamp(new Date("2026-11-22T23:09:47.123Z"))).toBe("20261122230947");
  });
});
