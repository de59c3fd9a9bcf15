import "server-only";
import { throttleFor, type SignInThrottle } from "@/lib/auth/throttle-core";
import { db } from "@/lib/db";

export { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, MAX_SIGN_UPS_PER_IP, SIGN_IN_WINDOW_SECONDS, type SignInSubject } from "@/lib/auth/throttle-core";

/** The app database's throttle, created on first use (building the app must not open the database). */
export function signInThrottle(): SignInThrottle {
  return throttleFor(db);
}
