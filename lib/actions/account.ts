"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeEmail, changePassword, deleteAccountWithPassword, signOutEverywhere } from "@/lib/auth/account";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { ActionError, authedAction, type FieldErrors } from "@/lib/auth/guards";
import { clearSession, reissueSession } from "@/lib/auth/reissue";
import type { AppUser } from "@/lib/auth/session";
import { changeEmailSchema, changePasswordSchema, confirmPasswordSchema } from "@/lib/auth/validation";

/*
 * The settings' account actions. lib/auth/account.ts checks the current password (and throttles
 * those checks) and writes; these add the session cookie, which must be re-issued with the new
 * session version so this browser stays signed in while every other session ends.
 */

const ip = async () => clientIpFrom(await headers());

/** lib/auth/account answers a refusal as field errors (message keys under `auth.errors`): the form shows them. */
function accepted<R extends { ok: true } | { ok: false; fieldErrors: Partial<Record<string, string>> }>(result: R): Extract<R, { ok: true }> {
  if (!result.ok) throw new ActionError("invalid", result.fieldErrors as FieldErrors);
  return result as Extract<R, { ok: true }>;
}

/** This browser's cookie again, with what changed; the sign-in time is kept (the 7-day limit still counts from it). */
function reissue(ctx: { user: AppUser; authAt: number }, changed: { email?: string; sessionVersion?: number }) {
  const { user, authAt } = ctx;
  return reissueSession({ userId: user.id, email: changed.email ?? user.email, name: user.name, sessionVersion: changed.sessionVersion ?? user.sessionVersion, authAt });
}

const done = (path: string) => {
  revalidatePath(path, "layout");
  return { at: Date.now() };
};

export const changePasswordAction = authedAction(changePasswordSchema, async (input, ctx) => {
  const { sessionVersion } = accepted(await changePassword(ctx.db, { userId: ctx.user.id, input, ip: await ip() }));
  await reissue(ctx, { sessionVersion });
  return done("/settings");
});

export const changeEmailAction = authedAction(changeEmailSchema, async (input, ctx) => {
  const { email } = accepted(await changeEmail(ctx.db, { userId: ctx.user.id, input, ip: await ip() }));
  await reissue(ctx, { email });
  return done("/");
});

export const signOutEverywhereAction = authedAction(z.object({}), async (_input, ctx) => {
  const { sessionVersion } = await signOutEverywhere(ctx.db, { userId: ctx.user.id, ip: await ip() });
  await reissue(ctx, { sessionVersion });
  return done("/settings");
});

export const deleteAccountAction = authedAction(confirmPasswordSchema, async (input, { db, user }) => {
  accepted(await deleteAccountWithPassword(db, { userId: user.id, input }));
  await clearSession();
  redirect("/sign-in?deleted=1");
});
