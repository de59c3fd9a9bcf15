/**
 * `npm run db:migration:new -- NAME`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that brings the existing migrations up to prisma/schema.prisma (diffed by
 * Prisma's WASM schema engine on a throwaway in-memory PGlite). Review the SQL, then commit it.
 */
import path from "node:path";
import { createMigration } from "@/lib/db/migrate";

async function main() {
  const name = process.argv.slice(2).join(" ").trim();
  if (!name) {
    console.error("Usage: npm run db:migration:new -- NAME   (e.g. add_appeals)");
    process.exit(2);
  }
  const created = await createMigration(name);
  if (!created) {
    console.log("No changes: prisma/migrations already matches prisma/schema.prisma.");
    return;
  }
  console.log(`Created ${path.relative(process.cwd(), created.dir)}/migration.sql — review it, then commit it.`);
}

main().catch((err: unknown) => {
  console.error(`Creating the migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
