import { beforeEach, describe, expect, test, vi } from "vitest";
import { decode as nextAuthDecode, encode as nextAuthEncode } from "next-auth/jwt";
import { encodeSessionJwt } from "./jwt";

const SECRET = "test-secret-for-session-tests-0123456789";
const cookieJar: { name: string; value: string }[] = [];
const findUserById = vi.fn();
const isSessionActive = vi.fn();

vi.mock("next/headers", () => ({ cookies: async () => ({ getAll: () => cookieJar }) }));
vi.mock("@/lib/auth/options", () => ({ authOptions: { secret: SECRET }, SESSION_COOKIE_NAME: "next-auth.session-token" }));
vi.mock("@/lib/data/users", () => ({ findUserById: (...args: unknown[]) => findUserById(...args) }));
vi.mock("@/lib/data/sessions", () => ({ isSessionActive: (_db: unknown, ...args: unknown[]) => isSessionActive(...args) }));
vi.mock("@/lib/db", () => ({ db: {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
}));

const { getCurrentUser, requireUser, sessionCookie } = await import("./session");

const now = () => Math.floor(Date.now() / 1000);
const user = { id: "u1", email: "a@b.co", sessionVersion: 3 };
const claims = (patch: Record<string, unknown> = {}) => ({ sub: "u1", email: "a@b.co", sessionVersion: 3, authAt: now() - 60, lastSeen: now() - 60, sid: "s1", ...patch });
async function signedIn(patch: Record<string, unknown> = {}, secret = SECRET) {
  cookieJar.length = 0;
  cookieJar.push({ name: "next-auth.session-token", value: await encodeSessionJwt({ token: claims(patch), secret }) });
}

describe("requireUser", () => {
  beforeEach(() => {
    cookieJar.length = 0;
    findUserById.mockReset();
    isSessionActive.mockReset();
    isSessionActive.mockResolvedValue(true);
  });

  test("returns the user when the JWT's sessionVersion is current", async () => {
    await signedIn();
    findUserById.mockResolvedValue(user);
    await expect(requireUser()).resolves.toEqual(user);
    expect(findUserById).toHaveBeenCalledWith(expect.anything(), { userId: "u1" });
    expect(isSessionActive).toHaveBeenCalledWith({ sessionId: "s1", userId: "u1" });
  });

  test("a signed-out session (its server-side row ended) counts as signed out, whoever holds a copy of the cookie", async () => {
    await signedIn();
    findUserById.mockResolvedValue(user);
    isSessionActive.mockResolvedValue(false);
    await expect(getCurrentUser()).resolves.toBeNull();
  });

  test("accepts a token next-auth itself minted (same format and key)", async () => {
    isSessionActive.mockResolvedValue(true);
    cookieJar.push({ name: "next-auth.session-token", value: await nextAuthEncode({ token: claims(), secret: SECRET }) });
    findUserById.mockResolvedValue(user);
    await expect(getCurrentUser()).resolves.toEqual(user);
  });

  test.each([
    ["no session", null],
    ["a session without a user id", { sub: "" }],
    ["a token without a server-side session (minted before sessions were kept)", { sid: undefined }],
    ["an older sessionVersion (password changed, signed out everywhere)", { sessionVersion: 2 }],
    ["older than the absolute lifetime", { authAt: now() - 7 * 24 * 60 * 60 - 1 }],
    ["no sign-in time", { authAt: 0 }],
    ["idle for 30 minutes and a second", { authAt: now() - 3600, lastSeen: now() - 30 * 60 - 1 }],
  ])("redirects to /sign-in for %s", async (_name, patch) => {
    if (patch) await signedIn(patch);
    findUserById.mockResolvedValue(user);
    await expect(requireUser()).rejects.toThrow("redirect:/sign-in");
  });

  test("a deleted user counts as signed out", async () => {
    await signedIn();
    findUserById.mockResolvedValue(null);
    await expect(getCurrentUser()).resolves.toBeNull();
  });

  test.each([
    ["garbage", async () => "not-a-jwt"],
    ["another secret", async () => encodeSessionJwt({ token: claims(), secret: "another-secret-entirely-0123456789" })],
    // A character of the ciphertext, not the last one: the tag's last base64url character carries 4 padding bits, so changing it may change nothing.
    ["a tampered token", async () => {
      const parts = (await encodeSessionJwt({ token: claims(), secret: SECRET })).split(".");
      parts[3] = parts[3]!.replace(/^./, (c) => (c === "A" ? "B" : "A"));
      return parts.join(".");
    }],
    ["an expired token", async () => encodeSessionJwt({ token: claims(), secret: SECRET, maxAge: -60 })],
  ])("a cookie that does not decode (%s) counts as signed out", async (_name, make) => {
    cookieJar.push({ name: "next-auth.session-token", value: await make() });
    findUserById.mockResolvedValue(user);
    await expect(getCurrentUser()).resolves.toBeNull();
    expect(findUserById).not.toHaveBeenCalled();
  });
});

describe("session JWT", () => {
  test("next-auth decodes what encodeSessionJwt mints", async () => {
    const token = await encodeSessionJwt({ token: claims(), secret: SECRET, maxAge: 600 });
    const decoded = await nextAuthDecode({ token, secret: SECRET });
    expect(decoded).toMatchObject({ sub: "u1", sessionVersion: 3 });
    expect((decoded!.exp as number) - (decoded!.iat as number)).toBe(600);
  });

  test("sessionCookie joins next-auth's chunks in order and ignores other cookies", () => {
    const name = "next-auth.session-token";
    expect(sessionCookie([{ name: "other", value: "x" }])).toBeUndefined();
    expect(sessionCookie([{ name, value: "whole" }, { name: `${name}.0`, value: "chunk" }])).toBe("whole");
    expect(sessionCookie([{ name: `${name}.1`, value: "b" }, { name: `${name}.0`, value: "a" }, { name: `${name}.x`, value: "?" }, { name: `${name}.`, value: "?" }])).toBe("ab");
  });
});
