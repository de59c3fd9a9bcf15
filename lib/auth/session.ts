import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decodeSessionJwt } from "@/lib/auth/jwt";
import { SESSION_COOKIE_NAME, authOptions } from "@/lib/auth/options";
import { nowSeconds, sessionState } from "@/lib/auth/session-lifetime";
import { isSessionActive } from "@/lib/data/sessions";
import { findUserById, type AppUser } from "@/lib/data/users";
import { db } from "@/lib/db";

export type { AppUser };

/**
 * The one identity check of the app. A session counts only if its JWT is valid, it is younger than
 * the absolute lifetime, its user still exists, its sessionVersion equals the user's current one
 * (bumped on password change or "sign out everywhere"), and its server-side session (`sid`) has
 * not been ended by signing out. Cached per request, so a layout and its page share one read; the
 * user and session rows come from the read cache, which every instance drops on a change.
 */
export const getCurrentUser = cache(async (): Promise<AppUser | null> => (await getCurrentSession())?.user ?? null);

/** The signed-in user with the claims of their session (the settings actions re-issue it from these). */
export type CurrentSession = { user: AppUser; authAt: number; sessionId: string };

export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const token = sessionCookie((await cookies()).getAll());
  const secret = authOptions.secret;
  if (!token || !secret) return null;
  // The cookie is decoded here rather than through next-auth's getServerSession, which in the App
  // Router also runs the callbacks and encrypts a new token that it cannot set: twice the crypto
  // on every request for nothing.
  let claims;
  try {
    claims = await decodeSessionJwt({ token, secret });
  } catch {
    return null; // a malformed, forged, foreign or expired cookie is simply "not signed in"
  }
  const userId = claims?.sub;
  const sessionId = claims?.sid;
  // A token without a server-side session (minted before sessions were kept) counts as signed out.
  if (!claims || !userId || typeof sessionId !== "string" || !sessionId) return null;
  // The jwt callback never moves lastSeen of an idle token forward, so this sees the cookie's value.
  if (sessionState({ authAt: claims.authAt, lastSeen: claims.lastSeen || undefined }, nowSeconds()) !== "active") return null;
  const [user, active] = await Promise.all([findUserById(db, { userId }), isSessionActive(db, { sessionId, userId })]);
  if (!user || !active || user.sessionVersion !== claims.sessionVersion) return null;
  return { user, authAt: claims.authAt!, sessionId };
});

/**
 * The server-side session id in this request's cookie, without the checks (the settings actions
 * reissue the cookie after a change that the full check would now refuse, e.g. a new version).
 */
export async function sessionIdOfCookie(): Promise<string | null> {
  const token = sessionCookie((await cookies()).getAll());
  const secret = authOptions.secret;
  if (!token || !secret) return null;
  const claims = await decodeSessionJwt({ token, secret }).catch(() => null);
  return typeof claims?.sid === "string" && claims.sid ? claims.sid : null;
}

/** The session token: one cookie, or next-auth's chunks (`name.0`, `name.1`, …) of a large one. */
export function sessionCookie(all: { name: string; value: string }[]): string | undefined {
  const whole = all.find((c) => c.name === SESSION_COOKIE_NAME);
  if (whole) return whole.value;
  const chunk = (name: string) => (name.startsWith(`${SESSION_COOKIE_NAME}.`) && /^\d+$/.test(name.slice(SESSION_COOKIE_NAME.length + 1)) ? Number(name.slice(SESSION_COOKIE_NAME.length + 1)) : -1);
  const chunks = all
    .map((c) => ({ n: chunk(c.name), value: c.value }))
    .filter((c) => c.n >= 0)
    .sort((a, b) => a.n - b.n);
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

/** For server actions (through authedAction): the session with its claims, or a redirect to /sign-in. */
export async function requireSession(): Promise<CurrentSession> {
  const current = await getCurrentSession();
  if (!current) redirect("/sign-in?error=SessionRequired");
  return current;
}

/** For pages: the signed-in user, or a redirect to /sign-in. */
export async function requireUser(): Promise<AppUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}
