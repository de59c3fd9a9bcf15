import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { isCommonPassword } from "@/lib/auth/password-policy";
import { signInThrottle } from "@/lib/auth/throttle";
import { CONSENT_PURPOSE, fieldErrorsOf, signUpSchema, type AuthErrorKey, type FieldErrors, type SignUpValues } from "@/lib/auth/validation";
import { createUser, EmailTakenError } from "@/lib/data/users";
import { db } from "@/lib/db";

export type SignUpField = "email" | "password" | "name" | "consent";
export type SignUpResult = { ok: true } | { ok: false; fieldErrors: FieldErrors<SignUpField>; formError?: AuthErrorKey };

/**
 * Creates the account. The answer for an address that is already registered is the answer for a
 * fresh one, in status, body and time: the password is hashed either way and the unique index
 * decides (no look-up first that would answer early), so sign-up cannot be used to learn who has
 * an account. The form then signs in with the same credentials; when that fails it says "if this
 * address is new, your account is ready; otherwise sign in". Every attempt is counted first,
 * against the app-wide and the per-e-mail budget (and the client address with TRUST_PROXY).
 * The input is untrusted (any client can call the action): parsed with the form's own schema,
 * which bounds the password before argon2 sees it.
 */
export async function signUp(input: unknown, context: SignUpContext): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf<SignUpField>(parsed.error) };
  const outcome = await createAccount(parsed.data, context);
  if (outcome === "passwordTooCommon") return { ok: false, fieldErrors: { password: "passwordTooCommon" } };
  if (outcome === "rateLimited") return { ok: false, fieldErrors: {}, formError: "rateLimited" };
  return { ok: true };
}

export type SignUpContext = { ip: string | null; locale?: string };

/** The work behind sign-up for already parsed values: "created" whether the address was new or taken. */
export async function createAccount(values: SignUpValues, context: SignUpContext): Promise<"created" | "passwordTooCommon" | "rateLimited"> {
  const { email, password, name } = values;
  if (isCommonPassword(password)) return "passwordTooCommon";
  if (!(await signInThrottle().allowSignUp({ ip: context.ip, email }))) return "rateLimited";
  const passwordHash = await hashPassword(password);
  try {
    await createUser(db, { email, passwordHash, name, locale: context.locale, consentPurpose: CONSENT_PURPOSE });
  } catch (error) {
    // Taken: the same answer as a new account, after the same work.
    if (!(error instanceof EmailTakenError)) throw error;
  }
  return "created";
}
