import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { clientIp, isSignInBlocked, recordSignInFailure, recordSignInSuccess } from "@/lib/auth/throttle";
import { signInSchema } from "@/lib/auth/validation";
import { findCredentialsByEmail } from "@/lib/data/users";

/** Absolute session lifetime: 7 days from sign-in, however active the borrower is. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
/** How often next-auth may rewrite the session cookie while the borrower is active. */
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;

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
  const subject = { email, ip: clientIp(req.headers) };
  if (await isSignInBlocked(subject)) throw new Error(RATE_LIMITED_ERROR);
  const user = await findCredentialsByEmail({ email });
  // A missing user still costs one argon2 verification, like a wrong password.
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !ok) {
    await recordSignInFailure(subject);
    return null;
  }
  await recordSignInSuccess(subject);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
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
    // `user` is only present right after authorize: that moment starts the absolute lifetime.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion;
        token.authAt = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    async session({ session, token }) {
      return {
        ...session,
        user: { id: token.sub ?? "", email: token.email ?? "", name: token.name ?? null },
        sessionVersion: token.sessionVersion ?? -1,
        authAt: token.authAt ?? 0,
      };
    },
  },
};
