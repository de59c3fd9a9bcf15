import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ensureBaseUrl } from "@/lib/auth/base-url";
import { redirectCallback } from "@/lib/auth/callback-url";
import { decodeSessionJwt, encodeSessionJwt } from "@/lib/auth/jwt";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { LAST_SEEN_REFRESH_SECONDS, SESSION_MAX_AGE_SECONDS, nextLastSeen, nowSeconds } from "@/lib/auth/session-lifetime";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { signInThrottle } from "@/lib/auth/throttle";
import { signInSchema } from "@/lib/auth/validation";
import { recordAudit } from "@/lib/data/audit";
import { endSession, isSessionActive, startSession, touchSession } from "@/lib/data/sessions";
import { findCredentialsByEmail } from "@/lib/data/users";
import { db } from "@/lib/db";

export { SESSION_MAX_AGE_SECONDS };

// Before anything reads NEXTAUTH_URL (next-auth on each request, the cookie settings below).
ensureBaseUrl();

/** Thrown from the jwt callback for a signed-out session: next-auth then clears the cookie and answers no session. */
export const SESSION_ENDED_ERROR = "session_ended";

const secureCookies = process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
export const SESSION_COOKIE_NAME = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;

// A missing user is checked against this hash so "no such e-mail" costs the same argon2 work as
// "wrong password": response time must not reveal which e-mails are registered.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  if (!dummyHash) dummyHash = hashPassword("credit-health-timing-equaliser-not-a-real-password");
  return dummyHash;
}

/** Thrown from authorize; next-auth hands the message to the client as `error`. */
export const RATE_LIMITED_ERROR = "rate_limited";

async function authorize(raw: Record<string, unknown> | undefined, req: { headers?: Record<string, unknown> }) {
  // Length limits are enforced here, before any hashing; invalid input is just a failed sign-in.
  const parsed = signInSchema.safeParse({ email: raw?.email, password: raw?.password });
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const subject = { email, ip: clientIpFrom(req.headers) };
  const attempt = await signInThrottle().begin(subject);
  if (!attempt.allowed) throw new Error(RATE_LIMITED_ERROR);
  const user = await findCredentialsByEmail(db, { email });
  // A missing user still costs one argon2 verification, like a wrong password.
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !ok) {
    // The failure that locks the account is shown to its owner in the activity log.
    if (user && attempt.lastChance) await audit({ userId: user.id, action: "signin.locked", ip: subject.ip });
    return null;
  }
  await signInThrottle().succeeded(subject);
  await audit({ userId: user.id, action: "signin", ip: subject.ip });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

// The activity log must not turn a correct password into a failed sign-in.
async function audit(entry: { userId: string; action: string; ip: string | null }) {
  await recordAudit(db, entry).catch((error: unknown) => console.error("could not write the activity log", error));
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // For JWT sessions next-auth re-encodes the cookie on every /api/auth/session call and ignores
  // updateAge; how often `lastSeen` really moves is decided in the jwt callback below.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: LAST_SEEN_REFRESH_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS, encode: encodeSessionJwt, decode: decodeSessionJwt },
  useSecureCookies: secureCookies,
  cookies: {
    sessionToken: {
      name: SESSION_COOKIE_NAME,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies },
    },
  },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize,
    }),
  ],
  callbacks: {
    // `user` is only present right after authorize: that moment starts the absolute lifetime and
    // the server-side session. Later calls (/api/auth/session) refuse an ended session, so a
    // copy of a signed-out cookie is never refreshed, and move `lastSeen` forward at most every
    // 5 minutes, never for an idle token; a client `update()` is ignored on purpose, so no claim
    // can be changed from the browser.
    async jwt({ token, user }) {
      const now = nowSeconds();
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion;
        token.authAt = now;
        token.lastSeen = now;
        token.sid = await startSession(db, { userId: user.id, now: new Date(now * 1000) });
        return token;
      }
      if (!token.sid || !token.sub || !(await isSessionActive(db, { sessionId: token.sid, userId: token.sub }))) throw new Error(SESSION_ENDED_ERROR);
      const seen = nextLastSeen(token, now);
      if (seen !== token.lastSeen && seen !== undefined) await touchSession(db, { sessionId: token.sid, at: new Date(seen * 1000) });
      token.lastSeen = seen;
      return token;
    },
    async session({ session, token }) {
      return {
        ...session,
        user: { id: token.sub ?? "", email: token.email ?? "", name: token.name ?? null },
        sessionVersion: token.sessionVersion ?? -1,
        authAt: token.authAt ?? 0,
        lastSeen: token.lastSeen ?? 0,
      };
    },
    redirect: redirectCallback,
  },
  events: {
    // Sign-out ends the session on the server: the cookie, and any copy of it, is refused from now on.
    async signOut({ token }) {
      if (token?.sid && token.sub) await endSession(db, { sessionId: token.sid, userId: token.sub });
    },
  },
};
