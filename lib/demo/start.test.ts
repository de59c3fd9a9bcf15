import { expect, it, vi } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { decodeSessionJwt } from "@/lib/auth/jwt";
import { createSignInThrottle } from "@/lib/auth/throttle-core";

const SECRET = "test-secret-for-demo-tests-0123456789";
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({ cookies: async () => ({ set: (name: string, value: string) => jar.set(name, value), getAll: () => [] }) }));
vi.mock("@/lib/auth/options", () => ({ authOptions: { secret: SECRET, cookies: {} }, SESSION_COOKIE_NAME: "next-auth.session-token" }));
vi.mock("@/lib/db", () => ({ db: {} }));

const { startDemo } = await import("./start");
const { isSessionActive } = await import("@/lib/data/sessions");

describeDatabases("Try the demo", (ctx) => {
  it("signs the visitor in to a demo borrower of their own, with a server-side session", async () => {
    const db = ctx().prisma;
    jar.clear();
    const started = await startDemo(db, { ip: null });
    if (!started.started) throw new Error("expected a demo");
    const claims = await decodeSessionJwt({ token: jar.get("next-auth.session-token")!, secret: SECRET });
    expect(claims).toMatchObject({ sub: started.userId, sessionVersion: 0 });
    expect(await isSessionActive(db, { sessionId: claims!.sid!, userId: started.userId })).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: started.userId }, select: { isDemo: true } })).toEqual({ isDemo: true });
    expect(await db.auditLog.findMany({ where: { userId: started.userId }, select: { action: true, detail: true } })).toEqual([{ action: "signin", detail: { demo: true } }]);

    const second = await startDemo(db, { ip: null });
    expect(second.started && second.userId).not.toBe(started.userId);
  });

  it("refuses once the app-wide demo budget is spent, creating nothing", async () => {
    const db = ctx().prisma;
    const throttle = createSignInThrottle(db);
    while (await throttle.allowDemo(null));
    const users = await db.user.count();
    expect(await startDemo(db, { ip: null })).toEqual({ started: false, reason: "rateLimited" });
    expect(await db.user.count()).toBe(users);
  });
});
