import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * One scheduled job: a name unique across the app, when it runs (a 5-field cron expression read in
 * Asia/Shanghai), and what it does. The same definition runs from pg-boss on PostgreSQL (once per
 * schedule across every instance) and from an in-process timer on the embedded database, so `run`
 * must be safe to repeat: it reads the state it acts on instead of assuming it ran last time.
 */
export type JobDefinition = {
  name: string;
  cron: string;
  run: (ctx: JobContext) => Promise<void>;
};

export type JobContext = { db: PrismaClient; now: Date };
