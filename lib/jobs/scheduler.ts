/**
 * One scheduler for every JobDefinition (lib/jobs/types.ts), on either database:
 * - PostgreSQL (DATABASE_URL): pg-boss. Schedules and jobs live in PostgreSQL (schema "pgboss"),
 *   so they survive restarts; pg-boss's cron check runs on one instance per interval, a scheduled
 *   job is queued once per slot (singleton key), and a queued job is fetched by exactly one worker
 *   (SKIP LOCKED). A job that throws is retried with backoff; one that hangs expires and is retried.
 * - Embedded PGlite (one process by design): an in-process timer per job, set to the next run of
 *   its cron, with the same retries. Nothing to coordinate: there is only this process.
 * Job functions must be safe to repeat (a retry, a run after a restart): see JobDefinition.
 */
import PgBoss from "pg-boss";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { JOB_TIME_ZONE, nextRun } from "./cron";
import type { JobDefinition } from "./types";

export type Scheduler = {
  kind: "pg-boss" | "timer";
  /** Queues a run of the job now (still once: pg-boss dedupes a slot; the timer skips a job already running). */
  runNow: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

export type SchedulerOptions = {
  db: PrismaClient;
  jobs: readonly JobDefinition[];
  /** PostgreSQL URL for pg-boss; absent: the in-process timer. */
  postgresUrl?: string;
  log?: (message: string, err?: unknown) => void;
  /**
   * Jobs to run once shortly after start as well: safe-to-repeat catch-up (the hourly reminders
   * after a restart or a deploy). On pg-boss the request is deduped across instances for a minute.
   */
  runOnStart?: readonly string[];
  /** pg-boss timings (tests shorten the 30 s cron check so they need not wait for it). */
  pgBoss?: Pick<PgBoss.ConstructorOptions, "cronMonitorIntervalSeconds" | "cronWorkerIntervalSeconds" | "pollingIntervalSeconds">;
};

export const RETRY_LIMIT = 3;
export const RETRY_DELAY_SECONDS = 60;
/** A run still active after this is presumed dead (its instance crashed) and retried. */
const EXPIRE_MINUTES = 15;

const defaultLog = (message: string, err?: unknown) => (err ? console.error(`[jobs] ${message}`, err) : console.log(`[jobs] ${message}`));

/** After start-up, not during it: the server's first requests come first. */
const START_DELAY_MS = 30_000;

export async function startScheduler(options: SchedulerOptions): Promise<Scheduler> {
  const scheduler = options.postgresUrl ? await startPgBoss({ ...options, postgresUrl: options.postgresUrl }) : startTimers(options);
  if (options.runOnStart?.length) {
    const log = options.log ?? defaultLog;
    setTimeout(() => {
      for (const name of options.runOnStart ?? []) scheduler.runNow(name).catch((err: unknown) => log(`${name} on start failed`, err));
    }, START_DELAY_MS).unref();
  }
  return scheduler;
}

async function startPgBoss({ db, jobs, postgresUrl, log = defaultLog, pgBoss }: SchedulerOptions & { postgresUrl: string }): Promise<Scheduler> {
  const boss = new PgBoss({ connectionString: postgresUrl, schema: "pgboss", max: 3, application_name: "credit-health-jobs", ...pgBoss });
  boss.on("error", (err) => log("pg-boss error", err));
  await boss.start();
  for (const job of jobs) {
    // "stately": at most one queued and one active run, so a slow run never piles up behind itself.
    const queue = { name: job.name, policy: "stately" as const, retryLimit: RETRY_LIMIT, retryDelay: RETRY_DELAY_SECONDS, retryBackoff: true, expireInMinutes: EXPIRE_MINUTES };
    if (await boss.getQueue(job.name)) await boss.updateQueue(job.name, queue);
    else await boss.createQueue(job.name, queue).catch(async (err) => {
      // Another instance created it between our check and our create.
      if (!(await boss.getQueue(job.name))) throw err;
    });
    await boss.schedule(job.name, job.cron, {}, { tz: JOB_TIME_ZONE });
    await boss.work(job.name, async () => {
      await job.run({ db, now: new Date() });
    });
  }
  log(`pg-boss scheduled ${jobs.map((j) => `${j.name} (${j.cron})`).join(", ")}`);
  return {
    kind: "pg-boss",
    runNow: async (name) => {
      await boss.send(name, {}, { singletonKey: name, singletonSeconds: 60 });
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

function startTimers({ db, jobs, log = defaultLog }: SchedulerOptions): Scheduler {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const runWithRetries = async (job: JobDefinition) => {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        await job.run({ db, now: new Date() });
        return;
      } catch (err) {
        log(`${job.name} failed (attempt ${attempt + 1} of ${RETRY_LIMIT + 1})`, err);
        if (attempt >= RETRY_LIMIT) return;
        await new Promise((r) => setTimeout(r, RETRY_DELAY_SECONDS * 1000 * 2 ** attempt).unref());
      }
    }
  };
  const run = (job: JobDefinition) => {
    if (running.has(job.name) || stopped) return running.get(job.name) ?? Promise.resolve();
    const p = runWithRetries(job).finally(() => running.delete(job.name));
    running.set(job.name, p);
    return p;
  };
  const arm = (job: JobDefinition) => {
    if (stopped) return;
    // setTimeout holds at most ~24.8 days; a later run re-arms when this one fires.
    const delay = Math.min(nextRun(job.cron, new Date()).getTime() - Date.now(), 2 ** 31 - 1);
    const t = setTimeout(() => {
      void run(job);
      arm(job);
    }, Math.max(delay, 0));
    // The timers never keep a process alive on their own (scripts, tests).
    t.unref();
    timers.set(job.name, t);
  };
  for (const job of jobs) arm(job);
  log(`in-process timers for ${jobs.map((j) => `${j.name} (${j.cron})`).join(", ")}`);
  return {
    kind: "timer",
    runNow: async (name) => {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job named ${name}`);
      await run(job);
    },
    stop: async () => {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      await Promise.all(running.values());
    },
  };
}
