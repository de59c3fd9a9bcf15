"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { changeEmail, changePassword, deleteAccountWithPassword, signOutEverywhere } from "@/lib/auth/account";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { clearSession, reissueSession } from "@/lib/auth/reissue";
import { getCurrentSession } from "@/lib/auth/session";
import type { AuthErrorKey, FieldErrors } from "@/lib/auth/validation";
import { db } from "@/lib/db";

/*
 * Settings actions. Server actions are public endpoints: each reads the session itself (Next checks
 * the Origin, so they are CSRF-safe) and passes the raw form to lib/auth/account.ts, which parses
 * it with the forms' zod schemas. Unexpected failures become a message, never a 500.
 */

export type SettingsState<F extends string> = { ok: true; at: number } | { ok: false; fieldErrors: FieldErrors<F>; formError?: AuthErrorKey } | null;

async function session() {
  const current = await getCurrentSession();
  if (!current) redirect("/sign-in?error=SessionRequired");
  return current;
}

const ip = async () => clientIpFrom(await headers());
const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};
const unexpected = (error: unknown) => {
  console.error("settings action failed", error);
  return { ok: false as const, fieldErrors: {}, formError: "unexpected" as const };
};

export async function changePasswordAction(_prev: SettingsState<"currentPassword" | "newPassword">, form: FormData): Promise<SettingsState<"currentPassword" | "newPassword">> {
  const { user, authAt } = await session();
  try {
    const input = { currentPassword: field(form, "currentPassword"), newPassword: field(form, "newPassword") };
    const result = await changePassword(db, { userId: user.id, input, ip: await ip() });
    if (!result.ok) return result;
    await reissueSession({ userId: user.id, email: user.email, name: user.name, sessionVersion: result.sessionVersion, authAt });
    revalidatePath("/settings", "layout");
    return { ok: true, at: Date.now() };
  } catch (error) {
    return unexpected(error);
  }
}

export async function changeEmailAction(_prev: SettingsState<"email" | "password">, form: FormData): Promise<SettingsState<"email" | "password">> {
  const { user, authAt } = await session();
  try {
    const result = await changeEmail(db, { userId: user.id, input: { email: field(form, "email"), password: field(form, "password") }, ip: await ip() });
    if (!result.ok) return result;
    await reissueSession({ userId: user.id, email: result.email, name: user.name, sessionVersion: user.sessionVersion, authAt });
    revalidatePath("/", "layout");
    return { ok: true, at: Date.now() };
  } catch (error) {
    return unexpected(error);
  }
}

export async function signOutEverywhereAction(): Promise<SettingsState<never>> {
  const { user, authAt } = await session();
  try {
    const { sessionVersion } = await signOutEverywhere(db, { userId: user.id, ip: await ip() });
    await reissueSession({ userId: user.id, email: user.email, name: user.name, sessionVersion, authAt });
    revalidatePath("/settings", "layout");
    return { ok: true, at: Date.now() };
  } catch (error) {
    return unexpected(error);
  }
}

export async function deleteAccountAction(_prev: SettingsState<"password">, form: FormData): Promise<SettingsState<"password">> {
  const { user } = await session();
  let result;
  try {
    result = await deleteAccountWithPassword(db, { userId: user.id, input: { password: field(form, "password") } });
    if (!result.ok) return result;
    await clearSession();
  } catch (error) {
    return unexpected(error);
  }
  // Outside the try: redirect() works by throwing.
  redirect("/sign-in?deleted=1");
}
