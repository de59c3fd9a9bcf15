"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { hashPassword } from "@/lib/auth/password";
import { isCommonPassword } from "@/lib/auth/password-policy";
import { clientIp, signInThrottle } from "@/lib/auth/throttle";
import { CONSENT_PURPOSE, fieldErrorsOf, signUpSchema, type AuthErrorKey, type FieldErrors } from "@/lib/auth/validation";
import { createUser, EmailTakenError, findCredentialsByEmail } from "@/lib/data/users";

export type SignUpField = "email" | "password" | "name" | "consent";
export type SignUpResult = { ok: true } | { ok: false; fieldErrors: FieldErrors<SignUpField>; formError?: AuthErrorKey };

/**
 * Creates the account; the form then signs in through next-auth with the same credentials.
 * The input is untrusted (any client can call an action), so it is parsed with the form's own
 * schema, which bounds the password length before argon2 ever sees it.
 */
export async function signUpAction(input: unknown): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf<SignUpField>(parsed.error) };
  const { email, password, name } = parsed.data;
  if (isCommonPassword(password)) return { ok: false, fieldErrors: { password: "passwordTooCommon" } };
  try {
    if (!(await signInThrottle().allowSignUp(clientIp(await headers())))) {
      return { ok: false, fieldErrors: {}, formError: "rateLimited" };
    }
    // Sign-up may say an e-mail is taken (the user must learn it); checking first spares argon2 work.
    if (await findCredentialsByEmail({ email })) return { ok: false, fieldErrors: { email: "emailTaken" } };
    const passwordHash = await hashPassword(password);
    await createUser({ email, passwordHash, name, locale: await getLocale(), consentPurpose: CONSENT_PURPOSE });
    return { ok: true };
  } catch (error) {
    if (error instanceof EmailTakenError) return { ok: false, fieldErrors: { email: "emailTaken" } };
    console.error("sign-up failed", error);
    return { ok: false, fieldErrors: {}, formError: "unexpected" };
  }
}
