import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { nowSeconds, sessionState } from "@/lib/auth/session-lifetime";
import { findUserById, type AppUser } from "@/lib/data/users";
import { AppError, toErrorResponse } from "@/lib/errors";

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
  let session;
  try {
    session = await getServerSession(authOptions);
  } catch {
    return null; // a malformed or foreign cookie is simply "not signed in"
  }
  const userId = session?.user?.id;
  if (!session || !userId) return null;
  // The jwt callback never moves lastSeen of an idle token forward, so this sees the cookie's value.
  if (sessionState({ authAt: session.authAt, lastSeen: session.lastSeen || undefined }, nowSeconds()) !== "active") return null;
  const user = await findUserById({ userId });
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return { user, authAt: session.authAt };
});

/** For pages and server actions: the signed-in user, or a redirect to /sign-in. */
export async function requireUser(): Promise<AppUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** For route handlers: the signed-in user or null; answer null with `unauthorized()`. */
export async function requireUserOrNull(): Promise<AppUser | null> {
  return getCurrentUser();
}

/** The 401 a route handler answers when requireUserOrNull() gave null, in the app's error shape. */
export function unauthorized(): Response {
  return toErrorResponse(new AppError("unauthorized", "Sign in first."));
}
