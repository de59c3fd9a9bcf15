/**
 * Prisma's schema engine (the part of the CLI behind `migrate deploy` and `migrate diff`), run
 * from its WASM build because the native engine cannot be downloaded on our machines
 * (shared/notes/toolchain.md). Plain Node refuses the package's entry module, which imports a
 * `.wasm` file, so we instantiate the WASM ourselves against the package's JS glue.
 * No "server-only": scripts (migrate, new-migration, start) and tests use it.
 */
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine, SchemasContainer } from "@prisma/schema-engine-wasm";

export const SCHEMA_PATH = path.join(process.cwd(), "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let gluePromise: Promise<Glue> | undefined;

/** Compiles and starts the WASM once per process; later engines reuse it. */
function loadGlue(): Promise<Glue> {
  gluePromise ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    // The glue reports Rust panics through this global; without it a panic hides its message.
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void; message?: string } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(m: string) {
        this.message = m;
      },
    };
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const compiled = await WebAssembly.compile(await readFile(wasmPath));
    const instance = await WebAssembly.instantiate(compiled, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return glue;
  })();
  return gluePromise;
}

/** The schema file(s) in the shape the engine wants. */
export async function readSchemas(schemaPath = SCHEMA_PATH): Promise<SchemasContainer> {
  return { files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] };
}

/**
 * Reads prisma/migrations exactly as the Prisma CLI does: every sub-directory holding a
 * migration.sql, sorted by name, plus migration_lock.toml if present.
 */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const lockPath = "migration_lock.toml";
  const lock = await readFile(path.join(dir, lockPath), "utf8").catch(() => null);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = await Promise.all(
    entries
      .filter((e) => e.isDirectory())
      .map(async (e) => ({
        path: e.name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(dir, e.name, "migration.sql"), "utf8")
            .then((value) => ({ tag: "ok" as const, value }))
            .catch((err: Error) => ({ tag: "error" as const, value: err.message })),
        },
      })),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir: dir, lockfile: { path: lockPath, content: lock }, shadowDbInitScript: "", migrationDirectories };
}

export const NO_FILTER = { externalTables: [], externalEnums: [] };

/**
 * A schema engine talking to the database behind `adapter`. Free it with `engine.free()`;
 * the adapter's own connection is closed by its owner.
 */
export async function openSchemaEngine(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  options: { schemaPath?: string; log?: (line: string) => void } = {},
): Promise<SchemaEngine> {
  const glue = await loadGlue();
  const schemas = await readSchemas(options.schemaPath);
  const log = options.log ?? (() => {});
  return glue.SchemaEngine.new(
    { datamodels: schemas.files.map((f) => [f.path, f.content] as [string, string]) },
    (line: string) => log(line),
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}

/** Turns whatever the WASM engine threw into an Error with a readable message. */
export function engineError(err: unknown, doing: string): Error {
  const panic = (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { message?: string } }).PRISMA_WASM_PANIC_REGISTRY?.message;
  const detail =
    err instanceof Error ? err.message : typeof err === "object" && err !== null ? JSON.stringify(err) : String(err);
  return new Error(`${doing} failed: ${detail}${panic ? ` (engine panic: ${panic})` : ""}`, { cause: err });
}
