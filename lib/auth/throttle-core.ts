import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/*
 * Sign-in throttling, stored in the RateLimiterFlexible table so every instance shares the counts
 * (a per-process memory limiter would multiply the allowance by the number of instances).
 * No "server-only" here: the throttle bench drives this module under tsx on a test database.
 *
 * Trade-off: a lock that an attacker can trigger is also a way to lock the owner out. So the lock
 * is short and bounded: a fixed 15-minute window per account, opened by its first failure. After
 * 10 failures the account refuses attempts until that window ends (at most 15 minutes), and
 * refused attempts do not extend it. An attacker can keep one account locked only by spending 10
 * guesses every 15 minutes (40 an hour, far too few to guess a non-common password), and the
 * owner is never locked for more than 15 minutes after the attacker stops. A successful sign-in
 * clears the account's count. Longer or growing locks would slow guessing further but hand an
 * attacker a cheap denial of service against a borrower who needs to check a limit drop.
 *
 * Per IP: 100 failures in 15 minutes, to slow one client spraying many accounts (only when the
 * address is known, see client-ip.ts). Keys are counted whether or not the e-mail is registered,
 * so a lock reveals nothing about which accounts exist.
 *
 * Each attempt is counted *before* the password is checked (consume, an atomic increment in the
 * database), so parallel requests cannot all slip through a read-then-write check.
 */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_IP = 100;
/** Each sign-up costs an argon2 hash and a row: one client may create a few accounts an hour, not thousands. */
export const MAX_SIGN_UPS_PER_IP = 30;
export const SIGN_UP_WINDOW_SECONDS = 60 * 60;
/*
 * Limits that hold without a trusted client address (TRUST_PROXY unset, the default): a budget
 * for the whole app and one per e-mail address. The global one is what stops a single client
 * creating accounts by the thousand; it is generous for real traffic, and when an attacker spends
 * it the cost is that sign-ups wait (at most 10 minutes), never that anyone is locked out of an
 * existing account. The per-e-mail one stops hammering one address (each attempt on a taken
 * address costs an argon2 hash, like a fresh one). Both count every attempt, taken or not, so a
 * refusal says nothing about which addresses are registered.
 */
export const MAX_SIGN_UPS_GLOBAL = 60;
export const SIGN_UP_GLOBAL_WINDOW_SECONDS = 10 * 60;
export const MAX_SIGN_UPS_PER_EMAIL = 5;

/** "Try the demo" creates an account with two years of events: budgets like sign-up's. */
export const MAX_DEMOS_GLOBAL = 60;
export const MAX_DEMOS_PER_IP = 20;

export const ACCOUNT_KEY_PREFIX = "signin-account";
const IP_KEY_PREFIX = "signin-ip";
const SIGN_UP_KEY_PREFIX = "signup-ip";
const SIGN_UP_GLOBAL_KEY_PREFIX = "signup-all";
export const SIGN_UP_EMAIL_KEY_PREFIX = "signup-email";

export type SignInSubject = { email: string; ip: string | null };

export type SignInAttempt =
  | { allowed: true; /** true when this attempt, if it fails, spends the account's last point */ lastChance: boolean }
  | { allowed: false; retryAfterSeconds: number };

/** The RateLimiterFlexible keys that carry an e-mail address (removed with the account). */
export function accountThrottleKeys(email: string): string[] {
  return [`${ACCOUNT_KEY_PREFIX}:${email}`, `${SIGN_UP_EMAIL_KEY_PREFIX}:${email}`];
}

/** Budgets that tests shrink; the app uses the defaults above. */
export type ThrottleLimits = { signUpsGlobal?: number; signUpsPerEmail?: number; demosGlobal?: number };

// consume() rejects with a RateLimiterRes when spent and with an Error when the store failed.
function spent(rejection: unknown): RateLimiterRes {
  if (rejection instanceof RateLimiterRes) return rejection;
  throw rejection;
}

export function createSignInThrottle(prisma: PrismaClient, limits: ThrottleLimits = {}) {
  // The model's client accessor is camelCase; the library defaults to the model name itself.
  // Expired rows are removed by the window logic itself; no timers that would keep scripts alive.
  const common = { storeClient: prisma, tableName: "rateLimiterFlexible", duration: SIGN_IN_WINDOW_SECONDS, clearExpiredByTimeout: false };
  const account = new RateLimiterPrisma({ ...common, keyPrefix: ACCOUNT_KEY_PREFIX, points: MAX_FAILURES_PER_ACCOUNT });
  const ip = new RateLimiterPrisma({ ...common, keyPrefix: IP_KEY_PREFIX, points: MAX_FAILURES_PER_IP });
  const signUp = new RateLimiterPrisma({ ...common, keyPrefix: SIGN_UP_KEY_PREFIX, points: MAX_SIGN_UPS_PER_IP, duration: SIGN_UP_WINDOW_SECONDS });
  const signUpGlobal = new RateLimiterPrisma({
    ...common,
    keyPrefix: SIGN_UP_GLOBAL_KEY_PREFIX,
    points: limits.signUpsGlobal ?? MAX_SIGN_UPS_GLOBAL,
    duration: SIGN_UP_GLOBAL_WINDOW_SECONDS,
  });
  const signUpEmail = new RateLimiterPrisma({
    ...common,
    keyPrefix: SIGN_UP_EMAIL_KEY_PREFIX,
    points: limits.signUpsPerEmail ?? MAX_SIGN_UPS_PER_EMAIL,
    duration: SIGN_UP_WINDOW_SECONDS,
  });
  const demoGlobal = new RateLimiterPrisma({ ...common, keyPrefix: "demo-all", points: limits.demosGlobal ?? MAX_DEMOS_GLOBAL, duration: SIGN_UP_GLOBAL_WINDOW_SECONDS });
  const demoIp = new RateLimiterPrisma({ ...common, keyPrefix: "demo-ip", points: MAX_DEMOS_PER_IP, duration: SIGN_UP_WINDOW_SECONDS });
  const allowed = (limiter: RateLimiterPrisma, key: string) => limiter.consume(key, 1).then(() => true, (r: unknown) => (spent(r), false));

  return {
    /**
     * Counts one attempt against the IP, then the account; refuses once either is spent.
     * A storage failure lets the attempt through (logged): the password still decides, and an
     * outage of the limiter table must not lock every borrower out.
     */
    async begin(subject: SignInSubject): Promise<SignInAttempt> {
      try {
        if (subject.ip) {
          const blocked = await ip.consume(subject.ip, 1).then(() => null, spent);
          if (blocked) return { allowed: false, retryAfterSeconds: Math.ceil(blocked.msBeforeNext / 1000) };
        }
        const result = await account.consume(subject.email, 1).then((res) => res, spent);
        if (result.consumedPoints > MAX_FAILURES_PER_ACCOUNT) return { allowed: false, retryAfterSeconds: Math.ceil(result.msBeforeNext / 1000) };
        return { allowed: true, lastChance: result.remainingPoints === 0 };
      } catch (error) {
        console.error("sign-in throttle unavailable", error);
        return { allowed: true, lastChance: false };
      }
    },

    /** The password was right: the account's count starts afresh and the IP gets its point back. */
    async succeeded(subject: SignInSubject): Promise<void> {
      try {
        await Promise.all([account.delete(subject.email), subject.ip ? ip.reward(subject.ip, 1) : null]);
      } catch (error) {
        console.error("sign-in throttle unavailable", error);
      }
    },

    /**
     * Counts one sign-up attempt: against the client address (when known), the e-mail address
     * and the app-wide budget; false once any is spent. Same storage-failure rule as sign-in.
     */
    async allowSignUp(subject: { ip: string | null; email: string | null }): Promise<boolean> {
      const { ip: address, email } = subject;
      try {
        if (address && !(await allowed(signUp, address))) return false;
        if (email && !(await allowed(signUpEmail, email))) return false;
        return await allowed(signUpGlobal, "all");
      } catch (error) {
        console.error("sign-up throttle unavailable", error);
        return true;
      }
    },

    /** Counts one "Try the demo": per client address (when known) and app-wide. */
    async allowDemo(address: string | null): Promise<boolean> {
      try {
        if (address && !(await allowed(demoIp, address))) return false;
        return await allowed(demoGlobal, "all");
      } catch (error) {
        console.error("demo throttle unavailable", error);
        return true;
      }
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

const throttles = new WeakMap<object, SignInThrottle>();
/** One throttle per Prisma client (the app's, or a test's), all sharing the sign-in table and budgets. */
export function throttleFor(prisma: PrismaClient): SignInThrottle {
  let throttle = throttles.get(prisma);
  if (!throttle) throttles.set(prisma, (throttle = createSignInThrottle(prisma)));
  return throttle;
}
