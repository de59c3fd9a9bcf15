import "server-only";
import { db } from "@/lib/db";
import { targetFromEnv } from "@/lib/db/client";
import { JOBS } from "./index";
import { remindersJob } from "./reminders";
import { startScheduler, type Scheduler } from "./scheduler";

// One scheduler per process, on globalThis: instrumentation and route bundles may each load this module.
const g = globalThis as unknown as { __creditHealthScheduler?: Promise<Scheduler> };

/** Starts the app's jobs once per server process (instrumentation.ts); JOBS=off leaves them off. */
export function startAppScheduler(env: NodeJS.ProcessEnv = process.env): Promise<Scheduler> | null {
  if (env.JOBS === "off") return null;
  const target = targetFromEnv(env);
  g.__creditHealthScheduler ??= startScheduler({
    db,
    jobs: JOBS,
    postgresUrl: target.kind === "postgres" ? target.url : undefined,
    // The hourly reminders also run once after a (re)start, so nothing waits for the next :05.
    runOnStart: [remindersJob.name],
  });
  return g.__creditHealthScheduler;
}
