import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { db } from "@/lib/db";

/*
 * Sign-in throttling on failed attempts, stored in the RateLimiterFlexible table so every instance
 * shares the counts. Per account: slows password guessing against one borrower. Per IP: slows one
 * client spraying many accounts. Keys are counted whether or not the e-mail exists, so a lock-out
 * reveals nothing about which accounts are registered.
 */
const WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_IP = 100;
/** Each sign-up costs an argon2 hash and a row: one client may create a few accounts an hour, not thousands. */
export const MAX_SIGN_UPS_PER_IP = 30;
const SIGN_UP_WINDOW_SECONDS = 60 * 60;

// Created on first use: building the app must not open the database.
let limiters: { account: RateLimiterPrisma; ip: RateLimiterPrisma; signUp: RateLimiterPrisma } | undefined;
function getLimiters() {
  if (!limiters) {
    // The model's client accessor is camelCase; the library defaults to the model name itself.
    const common = { storeClient: db, tableName: "rateLimiterFlexible", duration: WINDOW_SECONDS, clearExpiredByTimeout: false };
    limiters = {
      account: new RateLimiterPrisma({ ...common, keyPrefix: "signin-account", points: MAX_FAILURES_PER_ACCOUNT }),
      ip: new RateLimiterPrisma({ ...common, keyPrefix: "signin-ip", points: MAX_FAILURES_PER_IP }),
      signUp: new RateLimiterPrisma({ ...common, keyPrefix: "signup-ip", points: MAX_SIGN_UPS_PER_IP, duration: SIGN_UP_WINDOW_SECONDS }),
    };
  }
  return limiters;
}

export type SignInSubject = { email: string; ip: string | null };

/** True when either bucket is spent. A storage failure lets the attempt through (the password still decides). */
export async function isSignInBlocked(subject: SignInSubject): Promise<boolean> {
  try {
    const { account, ip } = getLimiters();
    const [a, i] = await Promise.all([account.get(subject.email), subject.ip ? ip.get(subject.ip) : null]);
    return (a?.consumedPoints ?? 0) >= MAX_FAILURES_PER_ACCOUNT || (i?.consumedPoints ?? 0) >= MAX_FAILURES_PER_IP;
  } catch (error) {
    console.error("sign-in throttle unavailable", error);
    return false;
  }
}

export async function recordSignInFailure(subject: SignInSubject): Promise<void> {
  try {
    const { account, ip } = getLimiters();
    await Promise.all([account.penalty(subject.email, 1), subject.ip ? ip.penalty(subject.ip, 1) : null]);
  } catch (error) {
    console.error("sign-in throttle unavailable", error);
  }
}

/** A successful sign-in clears the account's count (the IP's decays on its own). */
export async function recordSignInSuccess(subject: SignInSubject): Promise<void> {
  try {
    await getLimiters().account.delete(subject.email);
  } catch (error) {
    console.error("sign-in throttle unavailable", error);
  }
}

/** Counts one sign-up attempt from this address; false once the hour's allowance is spent. */
export async function allowSignUp(ip: string | null): Promise<boolean> {
  if (!ip) return true;
  try {
    await getLimiters().signUp.consume(ip, 1);
    return true;
  } catch (rejection) {
    // consume() rejects with a RateLimiterRes when spent, with an Error when the store failed.
    if (rejection instanceof Error) {
      console.error("sign-up throttle unavailable", rejection);
      return true;
    }
    return false;
  }
}

/** The client address as the nearest proxy reports it; null when unknown (then only the account bucket counts). */
export function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  if (first) return first.slice(0, 64);
  const real = headers?.["x-real-ip"];
  return typeof real === "string" && real.trim() ? real.trim().slice(0, 64) : null;
}
