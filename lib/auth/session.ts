import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decodeSessionJwt } from "@/lib/auth/jwt";
import { SESSION_COOKIE_NAME, authOptions } from "@/lib/auth/options";
import { nowSeconds, sessionState } from "@/lib/auth/session-lifetime";
import { findUserById, type AppUser } from "@/lib/data/users";
import { db } from "@/lib/db";

export type { AppUser };

/**
 * The one identity check of the app. A session counts only if its JWT is valid, it is younger than
 * the absolute lifetime, its user still exists, and its sessionVersion equals the user's current one
 * (bumped on password change or "sign out everywhere"). Cached per request, so a layout and its page
 * share one database read.
 */
export const getCurrentUser = cache(async (): Promise<AppUser | null> => (await getCurrentSession())?.user ?? null);

/** The signed-in user with the claims of their session (the settings actions re-issue it from these). */
export type CurrentSession = { user: AppUser; authAt: number };

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
  if (!claims || !userId) return null;
  // The jwt callback never moves lastSeen of an idle token forward, so this sees the cookie's value.
  if (sessionState({ authAt: claims.authAt, lastSeen: claims.lastSeen || undefined }, nowSeconds()) !== "active") return null;
  const user = await findUserById(db, { userId });
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;
  return { user, authAt: claims.authAt! };
});

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
