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

// Created on first use: building the app must not open the database.
let limiters: { account: RateLimiterPrisma; ip: RateLimiterPrisma } | undefined;
function getLimiters() {
  if (!limiters) {
    // The model's client accessor is camelCase; the library defaults to the model name itself.
    const common = { storeClient: db, tableName: "rateLimiterFlexible", duration: WINDOW_SECONDS, clearExpiredByTimeout: false };
    limiters = {
      account: new RateLimiterPrisma({ ...common, keyPrefix: "signin-account", points: MAX_FAILURES_PER_ACCOUNT }),
      ip: new RateLimiterPrisma({ ...common, keyPrefix: "signin-ip", points: MAX_FAILURES_PER_IP }),
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

/** The client address as the nearest proxy reports it; null when unknown (then only the account bucket counts). */
export function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  if (first) return first.slice(0, 64);
  const real = headers?.["x-real-ip"];
  return typeof real === "string" && real.trim() ? real.trim().slice(0, 64) : null;
}
