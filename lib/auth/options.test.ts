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

const { authOptions, RATE_LIMITED_ERROR } = await import("./options");
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

it("the jwt callback starts both lifetimes at sign-in and moves lastSeen only when it is 5 minutes old", async () => {
  const now = Math.floor(Date.now() / 1000);
  const fresh = await jwt({ token: {}, user: { id: "u1", sessionVersion: 2 } });
  expect(fresh).toMatchObject({ sub: "u1", sessionVersion: 2 });
  expect(Math.abs((fresh.authAt as number) - now)).toBeLessThanOrEqual(1);
  expect(fresh.lastSeen).toBe(fresh.authAt);

  const recent = now - LAST_SEEN_REFRESH_SECONDS + 30;
  expect((await jwt({ token: { authAt: now - 3600, lastSeen: recent } })).lastSeen).toBe(recent);
  const old = now - LAST_SEEN_REFRESH_SECONDS - 30;
  expect((await jwt({ token: { authAt: now - 3600, lastSeen: old } })).lastSeen).toBeGreaterThanOrEqual(now);
  const idle = now - SESSION_IDLE_SECONDS - 30;
  expect((await jwt({ token: { authAt: now - 7200, lastSeen: idle } })).lastSeen).toBe(idle);
});
