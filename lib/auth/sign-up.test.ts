import { beforeAll, expect, it, vi } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyPassword } from "./password";

// The sign-up path and its throttle use the app's `db`: forward it to the current test database.
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

const { signUp } = await import("./sign-up");

const form = (email: string, password = "a-long-and-unusual-passphrase") => ({ email, password, name: "", consent: true });
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

describeDatabases("sign-up", (ctx) => {
  beforeAll(() => {
    holder.db = ctx().prisma;
  });

  it("answers a taken e-mail exactly as a fresh one, after the same argon2 work, and leaves the existing account alone", async () => {
    holder.db = ctx().prisma;
    const taken = unique("taken");
    expect(await signUp(form(taken, "the-owners-own-passphrase"), { ip: null })).toEqual({ ok: true });
    const before = await ctx().prisma.user.findUniqueOrThrow({ where: { email: taken } });

    const fresh: { value: unknown; ms: number }[] = [];
    const again: { value: unknown; ms: number }[] = [];
    for (let i = 0; i < 3; i++) {
      fresh.push(await timed(() => signUp(form(unique("fresh")), { ip: null })));
      again.push(await timed(() => signUp(form(taken, `an-attackers-guess-${i}-x`), { ip: null })));
    }
    expect(again.map((r) => r.value)).toEqual(fresh.map((r) => r.value));
    // A look-up that answers early costs a millisecond; an argon2 hash tens of them.
    expect(median(again.map((r) => r.ms))).toBeGreaterThan(median(fresh.map((r) => r.ms)) * 0.5);

    const after = await ctx().prisma.user.findUniqueOrThrow({ where: { email: taken } });
    expect(after).toEqual(before);
    expect(await verifyPassword(after.passwordHash, "the-owners-own-passphrase")).toBe(true);
  });

  it("limits attempts per e-mail without any client address (TRUST_PROXY unset)", async () => {
    holder.db = ctx().prisma;
    const email = unique("hammered");
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await signUp(form(email), { ip: null }));
    expect(answers.slice(0, 5)).toEqual(Array(5).fill({ ok: true }));
    expect(answers[5]).toEqual({ ok: false, fieldErrors: {}, formError: "rateLimited" });
  });
});
