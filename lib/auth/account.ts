import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { throttleFor } from "@/lib/auth/throttle-core";
import { recordAudit } from "@/lib/data/audit";
import { isCommonPassword } from "@/lib/auth/password-policy";
import { changeEmailSchema, changePasswordSchema, confirmPasswordSchema, fieldErrorsOf, type AuthErrorKey, type FieldErrors } from "@/lib/auth/validation";
import { bumpSessionVersion, deleteAccount, findPasswordHash, updateEmail, updatePassword } from "@/lib/data/account";
import { EmailTakenError } from "@/lib/data/users";

/*
 * The settings' account operations: input parsed with the forms' own schemas, the current password
 * checked where the change is sensitive, then the data module. Server actions add the session and
 * the cookie; tests call these on a real database.
 */

export type AccountResult<F extends string, T = object> = ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors<F> };


type Recheck = { ok: true; email: string } | { ok: false; error: "currentPasswordWrong" | "rateLimited" };

/**
 * The current password, re-checked before a sensitive change. It spends the same per-account
 * budget as signing in (10 failures in 15 minutes, lib/auth/throttle-core.ts): a stolen cookie
 * cannot guess the password here faster than at the sign-in form, and a lock set at either place
 * holds at both. A right password clears the count, as a sign-in does.
 */
async function recheckPassword(db: PrismaClient, options: { userId: string; password: string; ip?: string | null }): Promise<Recheck> {
  const row = await findPasswordHash(db, { userId: options.userId });
  if (!row) return { ok: false, error: "currentPasswordWrong" };
  const subject = { email: row.email, ip: options.ip ?? null };
  const attempt = await throttleFor(db).begin(subject);
  if (!attempt.allowed) return { ok: false, error: "rateLimited" };
  if (!(await verifyPassword(row.passwordHash, options.password))) {
    if (attempt.lastChance) await recordAudit(db, { userId: options.userId, action: "signin.locked", ip: subject.ip }).catch(() => {});
    return { ok: false, error: "currentPasswordWrong" };
  }
  await throttleFor(db).succeeded(subject);
  return { ok: true, email: row.email };
}

const fail = <F extends string>(field: F, key: AuthErrorKey) => ({ ok: false as const, fieldErrors: { [field]: key } as FieldErrors<F> });

export async function changePassword(
  db: PrismaClient,
  options: { userId: string; input: unknown; ip: string | null },
): Promise<AccountResult<"currentPassword" | "newPassword", { sessionVersion: number }>> {
  const parsed = changePasswordSchema.safeParse(options.input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { currentPassword, newPassword } = parsed.data;
  if (isCommonPassword(newPassword)) return fail("newPassword", "passwordTooCommon");
  const check = await recheckPassword(db, { userId: options.userId, password: currentPassword, ip: options.ip });
  if (!check.ok) return fail("currentPassword", check.error);
  const sessionVersion = await updatePassword(db, { userId: options.userId, passwordHash: await hashPassword(newPassword), ip: options.ip });
  return { ok: true, sessionVersion };
}

export async function changeEmail(
  db: PrismaClient,
  options: { userId: string; input: unknown; ip: string | null },
): Promise<AccountResult<"email" | "password", { email: string }>> {
  const parsed = changeEmailSchema.safeParse(options.input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const current = await recheckPassword(db, { userId: options.userId, password: parsed.data.password, ip: options.ip });
  if (!current.ok) return fail("password", current.error);
  if (current.email === parsed.data.email) return fail("email", "emailUnchanged");
  try {
    await updateEmail(db, { userId: options.userId, email: parsed.data.email, ip: options.ip });
  } catch (error) {
    if (error instanceof EmailTakenError) return fail("email", "emailTaken");
    throw error;
  }
  return { ok: true, email: parsed.data.email };
}

export async function signOutEverywhere(db: PrismaClient, options: { userId: string; ip: string | null }): Promise<{ sessionVersion: number }> {
  return { sessionVersion: await bumpSessionVersion(db, options) };
}

export async function deleteAccountWithPassword(db: PrismaClient, options: { userId: string; input: unknown; ip?: string | null }): Promise<AccountResult<"password">> {
  const parsed = confirmPasswordSchema.safeParse(options.input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const check = await recheckPassword(db, { userId: options.userId, password: parsed.data.password, ip: options.ip });
  if (!check.ok) return fail("password", check.error);
  await deleteAccount(db, { userId: options.userId });
  return { ok: true };
}
