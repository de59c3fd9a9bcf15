/**
 * Migrations without the Prisma CLI's native engine: apply prisma/migrations to a database, and
 * compute the SQL that would bring the migrations up to prisma/schema.prisma. Both go through
 * Prisma's WASM schema engine, so `_prisma_migrations` stays exactly as `prisma migrate deploy`
 * keeps it and a machine with the CLI can take over the same database.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openAdapter, type DbTarget } from "./client";
import { MIGRATIONS_DIR, NO_FILTER, engineError, openSchemaEngine, readMigrations, readSchemas } from "./schema-engine";

export type MigrateOptions = { migrationsDir?: string; log?: (line: string) => void };

/** Applies every migration not yet in `_prisma_migrations`; returns the names it applied. */
export async function applyMigrationsWith(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  options: MigrateOptions = {},
): Promise<string[]> {
  const migrationsList = await readMigrations(options.migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`No migrations found in ${migrationsList.baseDir}: run \`npm run db:migration:new -- init\` first.`);
  }
  const engine = await openSchemaEngine(adapter, { log: options.log }).catch((err) => {
    throw engineError(err, "Starting the schema engine");
  });
  try {
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return out.appliedMigrationNames;
  } catch (err) {
    throw engineError(err, "Applying migrations");
  } finally {
    engine.free();
  }
}

/** Opens the target (PGlite data dir or PostgreSQL URL), applies pending migrations, closes it. */
export async function migrateTarget(target: DbTarget, options: MigrateOptions = {}): Promise<string[]> {
  if (target.kind === "pglite") await mkdir(target.dataDir, { recursive: true });
  const handle = openAdapter(target);
  if (target.kind === "postgres") wholeScripts(handle.adapter, target.url);
  try {
    return await applyMigrationsWith(handle.adapter, options);
  } finally {
    await handle.close();
  }
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every ";", which cuts a function
 * body (plpgsql, e.g. the change-notification triggers) apart. PostgreSQL's simple query protocol
 * takes the whole script as one implicit transaction, as Prisma's native engine sends it.
 */
function wholeScripts(factory: SqlMigrationAwareDriverAdapterFactory, url: string): void {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = (script: string) => runSql(url, script);
    return adapter;
  };
}

/** Runs SQL text (one statement or a whole script) on its own short-lived connection to `url`. */
export async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The SQL script from the migrations folder's end state to the schema file; "" when they agree.
 * Replays the migrations on a throwaway in-memory PGlite (the adapter's shadow database), so it
 * needs no server.
 */
export async function pendingSchemaChanges(options: { migrationsDir?: string; schemaPath?: string } = {}): Promise<string> {
  const pglite = new PGlite();
  try {
    const engine = await openSchemaEngine(new PrismaPGlite(pglite), { schemaPath: options.schemaPath });
    try {
      const migrations = await readMigrations(options.migrationsDir);
      // The engine cannot read a folder without migration_lock.toml; an empty history is "empty".
      const from = migrations.migrationDirectories.length
        ? ({ tag: "migrations", ...migrations } as const)
        : ({ tag: "empty" } as const);
      const res = await engine.diff({
        from,
        to: { tag: "schemaDatamodel", ...(await readSchemas(options.schemaPath)) },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      });
      // exitCode 2 means "non-empty diff"; with an empty diff the script is only a comment.
      return res.exitCode === 2 ? (res.stdout ?? "") : "";
    } catch (err) {
      throw engineError(err, "Diffing migrations against the schema");
    } finally {
      engine.free();
    }
  } finally {
    await pglite.close();
  }
}

/** `20261122230832` in UTC, as Prisma names migration folders. */
export function migrationTimestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

export function migrationSlug(name: string): string {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (!slug) throw new Error("Migration name must contain letters or digits, e.g. `add_appeals`.");
  return slug.slice(0, 200);
}

// Byte for byte what `prisma migrate dev` writes, so the CLI accepts the folder as its own.
export const MIGRATION_LOCK = `# Please do not edit this file manually
# It should be added in your version-control system (e.g., Git)
provider = "postgresql"
`;

/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the pending schema changes.
 * Returns null (and writes nothing) when the migrations already match the schema.
 */
export async function createMigration(
  name: string,
  options: { migrationsDir?: string; schemaPath?: string; now?: Date } = {},
): Promise<{ dir: string; sql: string } | null> {
  const slug = migrationSlug(name);
  const sql = await pendingSchemaChanges(options);
  if (!sql.trim()) return null;
  const base = options.migrationsDir ?? MIGRATIONS_DIR;
  const dir = path.join(base, `${migrationTimestamp(options.now)}_${slug}`);
  await mkdir(dir, { recursive: false }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return mkdir(dir, { recursive: true });
    if (err.code === "EEXIST") throw new Error(`Migration directory already exists: ${dir}`);
    throw err;
  });
  await writeFile(path.join(dir, "migration.sql"), sql, "utf8");
  await writeFile(path.join(base, "migration_lock.toml"), MIGRATION_LOCK, "utf8");
  return { dir, sql };
}
