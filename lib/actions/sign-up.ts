"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { ActionError, publicAction } from "@/lib/auth/guards";
import { hashPassword } from "@/lib/auth/password";
import { isCommonPassword } from "@/lib/auth/password-policy";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { signInThrottle } from "@/lib/auth/throttle";
import { CONSENT_PURPOSE, signUpSchema } from "@/lib/auth/validation";
import { createUser, EmailTakenError, findCredentialsByEmail } from "@/lib/data/users";

const emailTaken = () => new ActionError("invalid", { email: "emailTaken" });

/**
 * Creates the account; the form then signs in through next-auth with the same credentials.
 * The input is untrusted (any client can call an action), so it is parsed with the form's own
 * schema, which bounds the password length before argon2 ever sees it.
 */
export const signUpAction = publicAction(signUpSchema, async ({ email, password, name }, { db }) => {
  if (isCommonPassword(password)) throw new ActionError("invalid", { password: "passwordTooCommon" });
  if (!(await signInThrottle().allowSignUp(clientIpFrom(await headers())))) throw new ActionError("rateLimited");
  // Sign-up may say an e-mail is taken (the user must learn it); checking first spares argon2 work.
  if (await findCredentialsByEmail(db, { email })) throw emailTaken();
  const passwordHash = await hashPassword(password);
  await createUser(db, { email, passwordHash, name, locale: await getLocale(), consentPurpose: CONSENT_PURPOSE }).catch((error: unknown) => {
    throw error instanceof EmailTakenError ? emailTaken() : error;
  });
  return null;
});
