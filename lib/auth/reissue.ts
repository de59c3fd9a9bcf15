import "server-only";
import { cookies } from "next/headers";
import { encodeSessionJwt } from "@/lib/auth/jwt";
import { SESSION_COOKIE_NAME, authOptions } from "@/lib/auth/options";
import { SESSION_MAX_AGE_SECONDS, nowSeconds } from "@/lib/auth/session-lifetime";
import { sessionIdOfCookie } from "@/lib/auth/session";

/**
 * After a sessionVersion bump (password change, sign out everywhere) or an e-mail change, gives
 * *this* browser a fresh session cookie carrying the new version, so only the other sessions end.
 * Called from server actions only, after requireUser() and, where asked, the current password:
 * next-auth's client `update()` cannot do this, since it would let any stolen cookie re-bless
 * itself. The sign-in time and the server-side session are kept, so the absolute 7-day lifetime
 * still counts from sign-in and signing out still ends this browser's session.
 */
export async function reissueSession(claims: { userId: string; email: string; name: string | null; sessionVersion: number; authAt: number; sessionId?: string }): Promise<void> {
  // This browser's session (the action checked it with requireUser before making the change).
  const sessionId = claims.sessionId ?? (await sessionIdOfCookie());
  if (!sessionId) throw new Error("no session to reissue");
  await setSessionCookie({ ...claims, sessionId });
}

/** Writes the session cookie for these claims (a reissue, or a sign-in the app does itself, as the demo's). */
export async function setSessionCookie(claims: { userId: string; email: string; name: string | null; sessionVersion: number; authAt: number; sessionId: string }): Promise<void> {
  const secret = authOptions.secret;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const token = await encodeSessionJwt({
    secret,
    maxAge: SESSION_MAX_AGE_SECONDS,
    token: {
      sub: claims.userId,
      email: claims.email,
      name: claims.name,
      sessionVersion: claims.sessionVersion,
      authAt: claims.authAt,
      lastSeen: nowSeconds(),
      sid: claims.sessionId,
    },
  });
  const options = authOptions.cookies?.sessionToken?.options ?? {};
  (await cookies()).set(SESSION_COOKIE_NAME, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: Boolean(options.secure),
    expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
  });
}

/** Ends this browser's session (after the account is deleted). */
export async function clearSession(): Promise<void> {
  const store = await cookies();
  store.delete(SESSION_COOKIE_NAME);
}
