import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, SIGN_IN_WINDOW_SECONDS, accountThrottleKeys, createSignInThrottle } from "./throttle-core";

// The limiter stamps its rows with the JavaScript clock: faking Date moves its windows.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-23T08:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

const unique = (p: string) => `${p}-${Math.random().toString(36).slice(2, 10)}@example.com`;

describeDatabases("sign-in throttle", (ctx) => {
  it("allows 10 failures per account, then refuses for the rest of the 15-minute window, then allows again", async () => {
    const throttle = createSignInThrottle(ctx().prisma);
    const subject = { email: unique("victim"), ip: null };
    const results = [];
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) results.push(await throttle.begin(subject));
    expect(results.every((r) => r.allowed)).toBe(true);
    expect(results.at(-1)).toEqual({ allowed: true, lastChance: true });
    expect(results[0]).toEqual({ allowed: true, lastChance: false });

    vi.advanceTimersByTime(60_000);
    const refused = await throttle.begin(subject);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: SIGN_IN_WINDOW_SECONDS - 60 });

    // Refused attempts do not extend the lock: hammering it for 13 more minutes changes nothing.
    for (let i = 0; i < 13; i++) {
      vi.advanceTimersByTime(60_000);
      expect((await throttle.begin(subject)).allowed).toBe(false);
    }
    vi.advanceTimersByTime(60_001); // 15 minutes and a millisecond after the first failure
    expect(await throttle.begin(subject)).toEqual({ allowed: true, lastChance: false });
  });

  it("a success clears the account's count", async () => {
    const throttle = createSignInThrottle(ctx().prisma);
    const subject = { email: unique("owner"), ip: null };
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await throttle.begin(subject);
    await throttle.begin(subject);
    await throttle.succeeded(subject);
    expect(await ctx().prisma.rateLimiterFlexible.count({ where: { key: { in: accountThrottleKeys(subject.email) } } })).toBe(0);
    expect(await throttle.begin(subject)).toEqual({ allowed: true, lastChance: false });
  });

  it("a locked account does not lock the same person's other accounts; a spent IP locks all its attempts", async () => {
    const throttle = createSignInThrottle(ctx().prisma);
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const locked = unique("locked");
    for (let i = 0; i <= MAX_FAILURES_PER_ACCOUNT; i++) await throttle.begin({ email: locked, ip });
    expect((await throttle.begin({ email: unique("other"), ip })).allowed).toBe(true);
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await throttle.begin({ email: unique("spray"), ip });
    expect((await throttle.begin({ email: unique("fresh"), ip })).allowed).toBe(false);
    // Another address is unaffected.
    expect((await throttle.begin({ email: unique("fresh"), ip: "203.0.113.1" })).allowed).toBe(true);
  });

  it("parallel attempts are all counted: no more than 10 get through", async () => {
    const throttle = createSignInThrottle(ctx().prisma);
    const subject = { email: unique("race"), ip: null };
    const results = await Promise.all(Array.from({ length: 25 }, () => throttle.begin(subject)));
    expect(results.filter((r) => r.allowed)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
  });

  it("sign-ups: 30 per address an hour; an unknown address is not counted", async () => {
    const throttle = createSignInThrottle(ctx().prisma);
    const ip = "192.0.2.77";
    const outcomes = [];
    for (let i = 0; i < 31; i++) outcomes.push(await throttle.allowSignUp({ ip, email: unique(`ip${i}`) }));
    expect(outcomes.filter(Boolean)).toHaveLength(30);
    expect(outcomes.at(-1)).toBe(false);
    expect(await throttle.allowSignUp({ ip: null, email: unique("no-ip") })).toBe(true);
  });

  it("sign-ups without a trusted address: 5 attempts per e-mail an hour, and an app-wide budget", async () => {
    // The app-wide bucket is one row; earlier tests of this file spent some of it.
    await ctx().prisma.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: "signup-all" } } });
    const throttle = createSignInThrottle(ctx().prisma, { signUpsGlobal: 12 });
    const email = unique("taken");
    const sameEmail = [];
    for (let i = 0; i < 6; i++) sameEmail.push(await throttle.allowSignUp({ ip: null, email }));
    expect(sameEmail).toEqual([true, true, true, true, true, false]);
    // 5 of the 12 were spent above (the refused one counts against the e-mail only): 7 more, then none.
    const others = [];
    for (let i = 0; i < 8; i++) others.push(await throttle.allowSignUp({ ip: null, email: unique(`g${i}`) }));
    expect(others.filter(Boolean)).toHaveLength(7);
    expect(others.at(-1)).toBe(false);
  });
});
