import { expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "./password";
import { changeEmail, changePassword, deleteAccountWithPassword, signOutEverywhere } from "./account";
import { createSignInThrottle } from "./throttle-core";

const PASSWORD = "a-borrowers-own-passphrase";
const unique = (p: string) => `${p}-${Math.random().toString(36).slice(2, 10)}@example.com`;

async function makeUser(db: PrismaClient, email = unique("borrower")) {
  return db.user.create({ data: { email, passwordHash: await hashPassword(PASSWORD) }, select: { id: true, email: true, sessionVersion: true } });
}

describeDatabases("account settings", (ctx) => {
  it("a password change needs the current password, bumps sessionVersion and is logged", async () => {
    const db = ctx().prisma;
    const user = await makeUser(db);
    const wrong = await changePassword(db, { userId: user.id, input: { currentPassword: "not-it-at-all", newPassword: "a-brand-new-passphrase" }, ip: null });
    expect(wrong).toEqual({ ok: false, fieldErrors: { currentPassword: "currentPasswordWrong" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion);

    const ok = await changePassword(db, { userId: user.id, input: { currentPassword: PASSWORD, newPassword: "a-brand-new-passphrase" }, ip: "198.51.100.1" });
    expect(ok).toEqual({ ok: true, sessionVersion: user.sessionVersion + 1 });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, "a-brand-new-passphrase")).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
    expect(await db.auditLog.findMany({ where: { userId: user.id }, select: { action: true, ip: true } })).toEqual([{ action: "password.changed", ip: "198.51.100.1" }]);
  });

  it("a common or too short new password is refused before anything changes", async () => {
    const db = ctx().prisma;
    const user = await makeUser(db);
    const common = await changePassword(db, { userId: user.id, input: { currentPassword: PASSWORD, newPassword: "password1" }, ip: null });
    expect(common).toEqual({ ok: false, fieldErrors: { newPassword: "passwordTooCommon" } });
    const short = await changePassword(db, { userId: user.id, input: { currentPassword: PASSWORD, newPassword: "short" }, ip: null });
    expect(short).toEqual({ ok: false, fieldErrors: { newPassword: "passwordTooShort" } });
    expect(await changePassword(db, { userId: user.id, input: "garbage", ip: null })).toMatchObject({ ok: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion);
  });

  it("an e-mail change requires the current password and a free address", async () => {
    const db = ctx().prisma;
    const user = await makeUser(db);
    const other = await makeUser(db);
    const target = unique("renamed");
    expect(await changeEmail(db, { userId: user.id, input: { email: target, password: "wrong-password" }, ip: null })).toEqual({
      ok: false,
      fieldErrors: { password: "currentPasswordWrong" },
    });
    expect(await changeEmail(db, { userId: user.id, input: { email: target }, ip: null })).toEqual({ ok: false, fieldErrors: { password: "currentPasswordRequired" } });
    expect(await changeEmail(db, { userId: user.id, input: { email: other.email, password: PASSWORD }, ip: null })).toEqual({ ok: false, fieldErrors: { email: "emailTaken" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    expect(await changeEmail(db, { userId: user.id, input: { email: target.toUpperCase(), password: PASSWORD }, ip: null })).toEqual({ ok: true, email: target });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(target);
    const log = await db.auditLog.findFirstOrThrow({ where: { userId: user.id, action: "email.changed" } });
    expect(log.detail).toEqual({ from: user.email, to: target });
  });

  it("sign out everywhere bumps sessionVersion and is logged", async () => {
    const db = ctx().prisma;
    const user = await makeUser(db);
    expect(await signOutEverywhere(db, { userId: user.id, ip: null })).toEqual({ sessionVersion: user.sessionVersion + 1 });
    expect(await db.auditLog.count({ where: { userId: user.id, action: "sessions.revoked" } })).toBe(1);
  });

  it("password re-checks share the account's sign-in budget: 25 guesses at delete-account, then even the right password waits", async () => {
    const db = ctx().prisma;
    const user = await makeUser(db);
    const answers = [];
    for (let i = 0; i < 25; i++) answers.push(await deleteAccountWithPassword(db, { userId: user.id, input: { password: `guess-number-${i}` } }));
    const errors = answers.map((a) => (a.ok ? "deleted" : a.fieldErrors.password));
    expect(errors.filter((e) => e === "currentPasswordWrong")).toHaveLength(10);
    expect(errors.slice(10)).toEqual(Array(15).fill("rateLimited"));
    // The right password, at another re-check and at the sign-in form, is refused until the window ends.
    expect(await changeEmail(db, { userId: user.id, input: { email: unique("stolen"), password: PASSWORD }, ip: null })).toEqual({ ok: false, fieldErrors: { password: "rateLimited" } });
    expect(await changePassword(db, { userId: user.id, input: { currentPassword: PASSWORD, newPassword: "taken-over-passphrase" }, ip: null })).toEqual({ ok: false, fieldErrors: { currentPassword: "rateLimited" } });
    expect(await createSignInThrottle(db).begin({ email: user.email, ip: null })).toMatchObject({ allowed: false });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } })).toEqual({ email: user.email });
    expect(await db.auditLog.count({ where: { userId: user.id, action: "signin.locked" } })).toBe(1);
  });

  it("a right password at a re-check clears the failures, as a sign-in does", async () => {
    const db = ctx().prisma;
    const user = await makeUser(db);
    for (let i = 0; i < 9; i++) await deleteAccountWithPassword(db, { userId: user.id, input: { password: `guess-${i}` } });
    expect(await changeEmail(db, { userId: user.id, input: { email: user.email, password: PASSWORD }, ip: null })).toEqual({ ok: false, fieldErrors: { email: "emailUnchanged" } });
    expect(await createSignInThrottle(db).begin({ email: user.email, ip: null })).toEqual({ allowed: true, lastChance: false });
  });
});
