// What our JWT and session carry beyond next-auth's defaults (see lib/auth/options.ts).
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    id: string;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; email: string; name: string | null };
    sessionVersion: number;
    /** Seconds since epoch of the sign-in that minted this session: the absolute lifetime starts here. */
    authAt: number;
    /** Seconds since epoch of the last activity next-auth recorded: the idle lifetime counts from here. */
    lastSeen: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    authAt?: number;
    lastSeen?: number;
    /** The server-side session (Session.id) this cookie belongs to; sign-out ends it. */
    sid?: string;
  }
}
