/**
 * Next calls register() once when a server process starts: the one place the scheduled jobs
 * (lib/jobs) start, inside the process that already holds the database. On the embedded database
 * that is the only process that may open it (PGlite allows one), so the jobs cannot run from
 * scripts/start.ts, which hands the database over to Next. Not during `next build`, nor in the
 * Edge runtime; JOBS=off turns them off (e.g. a web-only instance).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAppScheduler } = await import("./lib/jobs/start");
  // Not awaited: the server answers while pg-boss connects; a failure is logged, the app still serves.
  startAppScheduler()?.catch((err: unknown) => console.error("[jobs] the scheduler did not start", err));
}
