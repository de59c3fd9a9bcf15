/**
 * `npm run db:migrate`: applies pending prisma/migrations to the embedded PGlite database
 * (PGLITE_DIR, default ./data/pglite) or to PostgreSQL when DATABASE_URL is set.
 * Safe to re-run: migrations already recorded in _prisma_migrations are skipped.
 */
import { targetFromEnv } from "@/lib/db/client";
import { migrateTarget } from "@/lib/db/migrate";

async function main() {
  const target = targetFromEnv();
  const where = target.kind === "pglite" ? `PGlite at ${target.dataDir}` : "PostgreSQL (DATABASE_URL)";
  const applied = await migrateTarget(target);
  if (applied.length === 0) console.log(`Database is up to date (${where}).`);
  else console.log(`Applied ${applied.length} migration(s) to ${where}:\n${applied.map((n) => `  - ${n}`).join("\n")}`);
}

main().catch((err: unknown) => {
  console.error(`Migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
