import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
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

async function passwordMatches(db: PrismaClient, userId: string, password: string): Promise<{ email: string } | null> {
  const row = await findPasswordHash(db, { userId });
  return row && (await verifyPassword(row.passwordHash, password)) ? { email: row.email } : null;
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
  if (!(await passwordMatches(db, options.userId, currentPassword))) return fail("currentPassword", "currentPasswordWrong");
  const sessionVersion = await updatePassword(db, { userId: options.userId, passwordHash: await hashPassword(newPassword), ip: options.ip });
  return { ok: true, sessionVersion };
}

export async function changeEmail(
  db: PrismaClient,
  options: { userId: string; input: unknown; ip: string | null },
): Promise<AccountResult<"email" | "password", { email: string }>> {
  const parsed = changeEmailSchema.safeParse(options.input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const current = await passwordMatches(db, options.userId, parsed.data.password);
  if (!current) return fail("password", "currentPasswordWrong");
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

export async function deleteAccountWithPassword(db: PrismaClient, options: { userId: string; input: unknown }): Promise<AccountResult<"password">> {
  const parsed = confirmPasswordSchema.safeParse(options.input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  if (!(await passwordMatches(db, options.userId, parsed.data.password))) return fail("password", "currentPasswordWrong");
  await deleteAccount(db, { userId: options.userId });
  return { ok: true };
}
