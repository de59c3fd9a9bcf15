import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options";
import { findUserById, type AppUser } from "@/lib/data/users";
import { AppError, toErrorResponse } from "@/lib/errors";

export type { AppUser };

/**
 * The one identity check of the app. A session counts only if its JWT is valid, it is younger than
 * the absolute lifetime, its user still exists, and its sessionVersion equals the user's current one
 * (bumped on password change or "sign out everywhere"). Cached per request, so a layout and its page
 * share one database read.
 */
export const getCurrentUser = cache(async (): Promise<AppUser | null> => {
  let session;
  try {
    session = await getServerSession(authOptions);
  } catch {
    return null; // a malformed or foreign cookie is simply "not signed in"
  }
  const userId = session?.user?.id;
  if (!session || !userId) return null;
  const now = Math.floor(Date.now() / 1000);
  if (!session.authAt || now - session.authAt > SESSION_MAX_AGE_SECONDS) return null;
  const user = await findUserById({ userId });
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return user;
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
