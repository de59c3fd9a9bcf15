"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { ActionError, publicAction } from "@/lib/auth/guards";
import { createAccount } from "@/lib/auth/sign-up";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { signUpSchema } from "@/lib/auth/validation";

/**
 * Creates the account (lib/auth/sign-up.ts: the same answer for a taken e-mail as for a fresh
 * one, after the same work); the form then signs in through next-auth with the same credentials.
 * The input is untrusted (any client can call an action), so it is parsed with the form's own
 * schema, which bounds the password length before argon2 ever sees it.
 */
export const signUpAction = publicAction(signUpSchema, async (values) => {
  const outcome = await createAccount(values, { ip: clientIpFrom(await headers()), locale: await getLocale() });
  if (outcome === "passwordTooCommon") throw new ActionError("invalid", { password: "passwordTooCommon" });
  if (outcome === "rateLimited") throw new ActionError("rateLimited");
  return null;
});
