import "./testing/mock-next";
import { randomUUID } from "node:crypto";
import { beforeEach, expect, it, vi } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { describeDatabases } from "@/lib/db/test-db";
import { as, form, outcome, signInAs } from "./testing/harness";

const reissued = vi.hoisted(() => ({ claims: [] as unknown[], cleared: 0 }));
vi.mock("@/lib/auth/reissue", () => ({
  reissueSession: async (claims: unknown) => void reissued.claims.push(claims),
  clearSession: async () => void reissued.cleared++,
}));

const { changeEmailAction, changePasswordAction, deleteAccountAction, signOutEverywhereAction } = await import("./account");
const PASSWORD = "correct horse battery";

describeDatabases("account actions", (ctx) => {
  beforeEach(async () => {
    const user = await ctx().prisma.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: await hashPassword(PASSWORD) } });
    await signInAs(ctx().prisma, user.id);
    reissued.claims = [];
    reissued.cleared = 0;
  });
  const me = () => ctx().prisma.user.findUniqueOrThrow({ where: { id: as.user!.id } });

  it("changes the password, bumps the session version and re-issues this browser's cookie with it", async () => {
    const res = await changePasswordAction(null, form({ currentPassword: PASSWORD, newPassword: "a new and longer passphrase" }));
    expect(res).toEqual({ ok: true, data: { at: expect.any(Number) } });
    const after = await me();
    expect(await verifyPassword(after.passwordHash, "a new and longer passphrase")).toBe(true);
    expect(reissued.claims).toEqual([expect.objectContaining({ userId: after.id, sessionVersion: after.sessionVersion, authAt: 1_700_000_000 })]);
    expect(after.sessionVersion).toBe(as.user!.sessionVersion + 1);
  });

  it("refuses a wrong current password and a common new one as field errors, changing nothing", async () => {
    expect(await changePasswordAction(null, form({ currentPassword: "wrong password", newPassword: "a new and longer passphrase" }))).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { currentPassword: "currentPasswordWrong" },
    });
    expect(await changePasswordAction(null, form({ currentPassword: PASSWORD, newPassword: "password" }))).toMatchObject({ ok: false, fieldErrors: { newPassword: "passwordTooCommon" } });
    expect(await changePasswordAction(null, form({ currentPassword: PASSWORD }))).toMatchObject({ ok: false, fieldErrors: { newPassword: "passwordRequired" } });
    expect((await me()).sessionVersion).toBe(as.user!.sessionVersion);
    expect(reissued.claims).toEqual([]);
  });

  it("changes the e-mail with the password, and refuses one already taken", async () => {
    const other = await ctx().prisma.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } });
    expect(await changeEmailAction(null, form({ email: other.email, password: PASSWORD }))).toEqual({ ok: false, code: "invalid", fieldErrors: { email: "emailTaken" } });
    const email = `New-${randomUUID()}@Example.com`;
    expect(await changeEmailAction(null, form({ email, password: PASSWORD }))).toMatchObject({ ok: true });
    expect((await me()).email).toBe(email.toLowerCase());
  });

  it("signs out everywhere, and deletes the account only with the password", async () => {
    expect(await signOutEverywhereAction(null, form({}))).toMatchObject({ ok: true });
    expect((await me()).sessionVersion).toBe(as.user!.sessionVersion + 1);
    expect(await deleteAccountAction(null, form({ password: "wrong password" }))).toMatchObject({ ok: false, fieldErrors: { password: "currentPasswordWrong" } });
    expect(await outcome(() => deleteAccountAction(null, form({ password: PASSWORD })))).toBe("REDIRECT:/sign-in?deleted=1");
    expect(reissued.cleared).toBe(1);
    expect(await ctx().prisma.user.findUnique({ where: { id: as.user!.id } })).toBeNull();
  });
});
