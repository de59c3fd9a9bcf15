/**
 * `npm run db:seed`: applies pending migrations, then creates the demo borrower
 * (demo@credit-health.local) with two years of made-up history, if it is missing.
 * Only on the embedded database by default: a DATABASE_URL may be production, where a public
 * demo account is a decision, so it needs `--force` or SEED_DEMO=1.
 */
import { createPrisma, targetFromEnv } from "@/lib/db/client";
import { migrateTarget } from "@/lib/db/migrate";
import { DEMO_EMAIL, DEMO_PASSWORD } from "@/lib/demo-account";
import { seedDemoBorrower } from "@/lib/demo/seed";

async function main() {
  const target = targetFromEnv();
  const forced = process.argv.includes("--force") || process.env.SEED_DEMO === "1";
  if (target.kind === "postgres" && !forced) {
    console.error("Refusing to seed the demo borrower into DATABASE_URL: pass --force or set SEED_DEMO=1 if you mean it.");
    process.exit(1);
  }
  await migrateTarget(target);
  const { prisma, handle } = createPrisma(target);
  try {
    const result = await seedDemoBorrower(prisma);
    if (result.created) console.log(`Created the demo borrower ${DEMO_EMAIL} / ${DEMO_PASSWORD} with ${result.counts.added} events.`);
    else console.log(`The demo borrower ${DEMO_EMAIL} already exists; nothing to do.`);
  } finally {
    await handle.close();
  }
}

main().catch((err: unknown) => {
  console.error(`Seeding failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
