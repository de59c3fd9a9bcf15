/**
 * Sign-in throttle bench: how many wrong-password attempts one account accepts in an hour, and how
 * long the lock lasts, measured by driving the real throttle (lib/auth/throttle-core.ts) on a
 * freshly migrated PGlite. The limiter stamps rows with the JavaScript clock, so the hour is
 * simulated: Date is replaced by a clock that moves one second per attempt and jumps over locks.
 * Run alone: `npx tsx scripts/bench/throttle.ts`.
 */
import { openTestDatabase } from "@/lib/db/test-db";
import { createSignInThrottle, MAX_FAILURES_PER_ACCOUNT, SIGN_IN_WINDOW_SECONDS } from "@/lib/auth/throttle-core";

export type ThrottleBenchResult = {
  attemptsPerAccountPerHour: number;
  lockSeconds: number;
  /** What the configured windows predict, for comparison: failures per window × windows per hour. */
  configuredPerHour: number;
};

/** Replaces Date with one whose "now" is real start time + `offsetMs`; returns the controls. */
function simulatedClock() {
  const RealDate = Date;
  const start = RealDate.now();
  let offsetMs = 0;
  class SimDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(start + offsetMs);
      else super(...(args as [number]));
    }
    static now() {
      return start + offsetMs;
    }
  }
  globalThis.Date = SimDate as DateConstructor;
  return {
    elapsedSeconds: () => offsetMs / 1000,
    advance: (seconds: number) => {
      offsetMs += seconds * 1000;
    },
    restore: () => {
      globalThis.Date = RealDate;
    },
  };
}

export async function runThrottleBench(): Promise<ThrottleBenchResult> {
  const database = await openTestDatabase("pglite");
  const clock = simulatedClock();
  try {
    const throttle = createSignInThrottle(database.prisma);
    // A fixed address: the per-IP bucket (100 per window) is counted too but does not bind first.
    const subject = { email: "victim@example.com", ip: "198.51.100.7" };
    let accepted = 0;
    let lockStartedAt: number | null = null;
    const locks: number[] = [];
    // Every accepted attempt is a wrong password: nothing ever clears the count.
    while (clock.elapsedSeconds() < 3600) {
      const attempt = await throttle.begin(subject);
      if (attempt.allowed) {
        if (lockStartedAt !== null) {
          locks.push(clock.elapsedSeconds() - lockStartedAt);
          lockStartedAt = null;
        }
        accepted += 1;
        clock.advance(1);
      } else {
        lockStartedAt ??= clock.elapsedSeconds();
        // Probe again a minute later, like a persistent attacker (or a borrower retrying).
        clock.advance(Math.min(60, Math.max(1, attempt.retryAfterSeconds)));
      }
    }
    return {
      attemptsPerAccountPerHour: accepted,
      lockSeconds: locks.length ? Math.max(...locks) : 0,
      configuredPerHour: MAX_FAILURES_PER_ACCOUNT * Math.ceil(3600 / SIGN_IN_WINDOW_SECONDS),
    };
  } finally {
    clock.restore();
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runThrottleBench().then(
    (r) => {
      console.log("\nSign-in throttle (one account, wrong passwords, simulated hour)");
      console.table([r]);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
