/**
 * `npm run db:seed`: applies pending migrations, then creates one private demo borrower with two
 * years of made-up history and prints its address and a freshly generated password, for a
 * developer who wants to sign in through the form. Visitors do not need it: "Try the demo" on
 * the landing page creates their own. Like every demo borrower it is removed after 24 hours
 * without use. Only on the embedded database by default: a DATABASE_URL may be production,
 * so it needs `--force` or SEED_DEMO=1.
 */
import { randomBytes } from "node:crypto";
import { createPrisma, targetFromEnv } from "@/lib/db/client";
import { migrateTarget } from "@/lib/db/migrate";
import { createDemoBorrower } from "@/lib/demo/create";

async function main() {
  const target = targetFromEnv();
  const forced = process.argv.includes("--force") || process.env.SEED_DEMO === "1";
  if (target.kind === "postgres" && !forced) {
    console.error("Refusing to seed a demo borrower into DATABASE_URL: pass --force or set SEED_DEMO=1 if you mean it.");
    process.exit(1);
  }
  await migrateTarget(target);
  const { prisma, handle } = createPrisma(target);
  try {
    const password = randomBytes(12).toString("base64url");
    const demo = await createDemoBorrower(prisma, { password });
    console.log(`Created a demo borrower with ${demo.counts.added} events: ${demo.email} / ${password} (removed after 24 hours without use).`);
  } finally {
    await handle.close();
  }
}

main().catch((err: unknown) => {
  console.error(`Seeding failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
