import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate` (see package.json's postinstall): migrations run
// through scripts/migrate.ts on Prisma's WASM schema engine, which works on PGlite and PostgreSQL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
