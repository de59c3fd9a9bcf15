import { describe, expect, test } from "vitest";
import { LAST_SEEN_REFRESH_SECONDS, SESSION_IDLE_SECONDS, SESSION_MAX_AGE_SECONDS, nextLastSeen, sessionState } from "./session-lifetime";

const now = 1_800_000_000;

describe("sessionState", () => {
  test.each([
    ["just signed in", { authAt: now, lastSeen: now }, "active"],
    ["active 29 minutes ago", { authAt: now - 3600, lastSeen: now - SESSION_IDLE_SECONDS + 60 }, "active"],
    ["exactly at the idle limit", { authAt: now - 3600, lastSeen: now - SESSION_IDLE_SECONDS }, "active"],
    ["one second past the idle limit", { authAt: now - 3600, lastSeen: now - SESSION_IDLE_SECONDS - 1 }, "idle"],
    ["an old token without lastSeen counts from sign-in", { authAt: now - SESSION_IDLE_SECONDS - 1 }, "idle"],
    ["active a minute ago but signed in 7 days and a second ago", { authAt: now - SESSION_MAX_AGE_SECONDS - 1, lastSeen: now - 60 }, "expired"],
    ["no sign-in time", { lastSeen: now }, "expired"],
    ["a sign-in time in the future", { authAt: now + 3600, lastSeen: now + 3600 }, "expired"],
  ] as const)("%s → %s", (_name, claims, expected) => {
    expect(sessionState(claims, now)).toBe(expected);
  });
});

describe("nextLastSeen", () => {
  test("unchanged while younger than the refresh interval (no cookie rewrite per request)", () => {
    expect(nextLastSeen({ authAt: now - 600, lastSeen: now - LAST_SEEN_REFRESH_SECONDS + 1 }, now)).toBe(now - LAST_SEEN_REFRESH_SECONDS + 1);
  });

  test("moves to now once the refresh interval has passed", () => {
    expect(nextLastSeen({ authAt: now - 600, lastSeen: now - LAST_SEEN_REFRESH_SECONDS }, now)).toBe(now);
  });

  test("an idle token is not revived", () => {
    const stale = now - SESSION_IDLE_SECONDS - 1;
    expect(nextLastSeen({ authAt: now - 7200, lastSeen: stale }, now)).toBe(stale);
  });

  test("an expired token is not revived", () => {
    expect(nextLastSeen({ authAt: now - SESSION_MAX_AGE_SECONDS - 1, lastSeen: now - 10 * 60 }, now)).toBe(now - 10 * 60);
  });
});
