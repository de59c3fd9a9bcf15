import { beforeEach, describe, expect, test, vi } from "vitest";

const getServerSession = vi.fn();
const findUserById = vi.fn();

vi.mock("next-auth", () => ({ getServerSession: (...args: unknown[]) => getServerSession(...args) }));
vi.mock("@/lib/auth/options", () => ({ authOptions: {} }));
vi.mock("@/lib/data/users", () => ({ findUserById: (...args: unknown[]) => findUserById(...args) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
}));

const { getCurrentUser, requireUser } = await import("./session");

const now = () => Math.floor(Date.now() / 1000);
const user = { id: "u1", email: "a@b.co", sessionVersion: 3 };
const session = (patch: Record<string, unknown> = {}) => ({ user: { id: "u1", email: "a@b.co", name: null }, sessionVersion: 3, authAt: now() - 60, lastSeen: now() - 60, ...patch });

describe("requireUser", () => {
  beforeEach(() => {
    getServerSession.mockReset();
    findUserById.mockReset();
  });

  test("returns the user when the JWT's sessionVersion is current", async () => {
    getServerSession.mockResolvedValue(session());
    findUserById.mockResolvedValue(user);
    await expect(requireUser()).resolves.toEqual(user);
    expect(findUserById).toHaveBeenCalledWith({ userId: "u1" });
  });

  test.each([
    ["no session", null, user],
    ["a session without a user id", { ...session(), user: { id: "" } }, user],
    ["an older sessionVersion (password changed, signed out everywhere)", session({ sessionVersion: 2 }), user],
    ["a deleted user", session(), null],
    ["older than the absolute lifetime", session({ authAt: now() - 7 * 24 * 60 * 60 - 1 }), user],
    ["no sign-in time", session({ authAt: 0 }), user],
    ["idle for 30 minutes and a second", session({ authAt: now() - 3600, lastSeen: now() - 30 * 60 - 1 }), user],
  ])("redirects to /sign-in for %s", async (_name, s, u) => {
    getServerSession.mockResolvedValue(s);
    findUserById.mockResolvedValue(u);
    await expect(requireUser()).rejects.toThrow("redirect:/sign-in");
  });

  test("a cookie next-auth cannot decode counts as signed out", async () => {
    getServerSession.mockRejectedValue(new Error("JWEDecryptionFailed"));
    await expect(getCurrentUser()).resolves.toBeNull();
  });
});
