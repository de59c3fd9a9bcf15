import { beforeAll, expect, it, vi } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "./password";
import { LAST_SEEN_REFRESH_SECONDS, SESSION_IDLE_SECONDS } from "./session-lifetime";

// authorize() and the throttle (created once) use the app's `db`: forward it to whichever test
// database is current, the way lib/db.ts forwards to its lazily opened client.
const holder: { db?: PrismaClient } = {};
vi.mock("@/lib/db", () => ({
  db: new Proxy(
    {},
    {
      get(_t, property) {
        const value: unknown = Reflect.get(holder.db!, property, holder.db);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(holder.db) : value;
      },
    },
  ),
}));

const { authOptions, RATE_LIMITED_ERROR, SESSION_ENDED_ERROR } = await import("./options");
type Authorize = (raw: Record<string, unknown>, req: { headers?: Record<string, unknown> }) => Promise<{ id: string } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const jwt = authOptions.callbacks!.jwt! as unknown as (args: { token: Record<string, unknown>; user?: unknown }) => Promise<Record<string, unknown>>;

const PASSWORD = "a-borrowers-own-passphrase";

describeDatabases("credentials sign-in", (ctx) => {
  beforeAll(() => {
    holder.db = ctx().prisma;
  });

  it("a sign-in is written to the activity log; the tenth wrong password writes one lockout, then sign-in is refused", async () => {
    holder.db = ctx().prisma;
    const email = `signin-${Date.now()}@example.com`;
    const user = await ctx().prisma.user.create({ data: { email, passwordHash: await hashPassword(PASSWORD) } });
    expect(await authorize({ email, password: PASSWORD }, { headers: {} })).toMatchObject({ id: user.id });
    for (let i = 0; i < 10; i++) expect(await authorize({ email, password: `wrong-${i}` }, { headers: {} })).toBeNull();
    await expect(authorize({ email, password: PASSWORD }, { headers: {} })).rejects.toThrow(RATE_LIMITED_ERROR);
    const log = await ctx().prisma.auditLog.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(log.map((l) => l.action)).toEqual(["signin", "signin.locked"]);
  });

  it("an unknown e-mail is refused like a wrong password and logs nothing", async () => {
    holder.db = ctx().prisma;
    const before = await ctx().prisma.auditLog.count();
    expect(await authorize({ email: `nobody-${Date.now()}@example.com`, password: PASSWORD }, { headers: {} })).toBeNull();
    expect(await ctx().prisma.auditLog.count()).toBe(before);
  });
});

describeDatabases("sessions kept on the server", (ctx) => {
  beforeAll(() => {
    holder.db = ctx().prisma;
  });
  const newUser = async () => (await ctx().prisma.user.create({ data: { email: `jwt-${Date.now()}-${Math.random()}@example.com`, passwordHash: "x" } })).id;

  it("the jwt callback starts both lifetimes and a session row at sign-in, and moves lastSeen only when it is 5 minutes old", async () => {
    holder.db = ctx().prisma;
    const userId = await newUser();
    const now = Math.floor(Date.now() / 1000);
    const fresh = await jwt({ token: {}, user: { id: userId, sessionVersion: 2 } });
    expect(fresh).toMatchObject({ sub: userId, sessionVersion: 2, sid: expect.any(String) });
    expect(Math.abs((fresh.authAt as number) - now)).toBeLessThanOrEqual(1);
    expect(fresh.lastSeen).toBe(fresh.authAt);
    expect(await ctx().prisma.session.findUniqueOrThrow({ where: { id: fresh.sid as string } })).toMatchObject({ userId, endedAt: null });

    const live = { sub: userId, sid: fresh.sid };
    const recent = now - LAST_SEEN_REFRESH_SECONDS + 30;
    expect((await jwt({ token: { ...live, authAt: now - 3600, lastSeen: recent } })).lastSeen).toBe(recent);
    const old = now - LAST_SEEN_REFRESH_SECONDS - 30;
    expect((await jwt({ token: { ...live, authAt: now - 3600, lastSeen: old } })).lastSeen).toBeGreaterThanOrEqual(now);
    // The move is recorded on the row (the demo clean-up reads it).
    const row = await ctx().prisma.session.findUniqueOrThrow({ where: { id: fresh.sid as string } });
    expect(Math.floor(row.lastSeen.getTime() / 1000)).toBeGreaterThanOrEqual(now);
    const idle = now - SESSION_IDLE_SECONDS - 30;
    expect((await jwt({ token: { ...live, authAt: now - 7200, lastSeen: idle } })).lastSeen).toBe(idle);
  });

  it("sign-out ends the session: /api/auth/session's jwt callback refuses a copy of the cookie instead of refreshing it", async () => {
    holder.db = ctx().prisma;
    const userId = await newUser();
    const token = await jwt({ token: {}, user: { id: userId, sessionVersion: 0 } });
    await authOptions.events!.signOut!({ token, session: undefined as never });
    expect((await ctx().prisma.session.findUniqueOrThrow({ where: { id: token.sid as string } })).endedAt).not.toBeNull();
    await expect(jwt({ token: { ...token } })).rejects.toThrow(SESSION_ENDED_ERROR);
    // Neither a token without a session nor one naming another user's session is refreshed.
    await expect(jwt({ token: { sub: userId, authAt: token.authAt, lastSeen: token.lastSeen } })).rejects.toThrow(SESSION_ENDED_ERROR);
    const other = await jwt({ token: {}, user: { id: await newUser(), sessionVersion: 0 } });
    await expect(jwt({ token: { ...token, sid: other.sid } })).rejects.toThrow(SESSION_ENDED_ERROR);
  });
});

it("next-auth's redirect callback keeps same-site destinations and never throws on a malformed one", async () => {
  const redirect = authOptions.callbacks!.redirect!;
  const baseUrl = "http://localhost:3171";
  expect(await redirect({ url: "/dashboard", baseUrl })).toBe("http://localhost:3171/dashboard");
  expect(await redirect({ url: "http://localhost:3171/data?x=1", baseUrl })).toBe("http://localhost:3171/data?x=1");
  for (const url of ["http://[", "https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "%E0%A4%A", "http://localhost:3171\u0000/x"]) {
    expect(await redirect({ url, baseUrl })).toBe(baseUrl);
  }
});
