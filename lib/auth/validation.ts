/**
 * One zod schema per auth form, used by the form on the client and by the server (the sign-up
 * action, the credentials `authorize`). Error messages are message keys under `auth.errors`,
 * so each side shows them in the reader's language.
 */
import { z } from "zod";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 100;

/**
 * What the borrower agrees to at sign-up (PIPL: a named, specific purpose). Stored with the
 * user as given here; the UI shows its translation under `auth.signUp.consent`.
 */
export const CONSENT_PURPOSE = "credit-health/v1: process my credit-line history to explain limit drops and plan recovery";

const email = z
  .string({ error: "emailRequired" })
  .trim()
  .toLowerCase()
  .min(1, { error: "emailRequired" })
  .max(254, { error: "emailInvalid" })
  .pipe(z.email({ error: "emailInvalid" }));

// Bounded before anything expensive: a 10,000-character password must fail here, never reach argon2.
// Length is the only rule the client can check; the common-password list is checked on the server
// (password-policy.ts), since shipping it to the browser would cost a megabyte.
export const newPasswordSchema = z
  .string({ error: "passwordRequired" })
  .min(1, { error: "passwordRequired" })
  .min(PASSWORD_MIN, { error: "passwordTooShort" })
  .max(PASSWORD_MAX, { error: "passwordTooLong" });

export const signInSchema = z.object({
  email,
  // Sign-in only needs the upper bound: a short password simply does not match.
  password: z.string({ error: "passwordRequired" }).min(1, { error: "passwordRequired" }).max(PASSWORD_MAX, { error: "passwordTooLong" }),
});

// The current password, to confirm a sensitive change: only bounded, never judged by today's rules.
const currentPassword = z
  .string({ error: "currentPasswordRequired" })
  .min(1, { error: "currentPasswordRequired" })
  .max(PASSWORD_MAX, { error: "currentPasswordWrong" });

export const signUpSchema = z.object({
  email,
  password: newPasswordSchema,
  name: z
    .string()
    .trim()
    .max(NAME_MAX, { error: "nameTooLong" })
    .optional()
    .transform((v) => (v ? v : undefined)),
  consent: z.literal(true, { error: "consentRequired" }),
});

export const changePasswordSchema = z
  .object({ currentPassword, newPassword: newPasswordSchema })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], error: "passwordUnchanged" });

export const changeEmailSchema = z.object({ email, password: currentPassword });

export const confirmPasswordSchema = z.object({ password: currentPassword });

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.input<typeof signUpSchema>;
export type SignUpValues = z.output<typeof signUpSchema>;
export type SignUpField = keyof SignUpInput;

export type AuthErrorKey =
  | "emailRequired"
  | "emailInvalid"
  | "passwordRequired"
  | "passwordTooShort"
  | "passwordTooLong"
  | "passwordTooCommon"
  | "passwordUnchanged"
  | "currentPasswordRequired"
  | "currentPasswordWrong"
  | "emailUnchanged"
  | "nameTooLong"
  | "consentRequired"
  | "emailTaken"
  | "invalidCredentials"
  | "rateLimited"
  | "unexpected";

export type FieldErrors<K extends string> = Partial<Record<K, AuthErrorKey>>;

/** The first error key of each field, for showing one clear message under each input. */
export function fieldErrorsOf<K extends string>(error: z.ZodError): FieldErrors<K> {
  const out: Partial<Record<string, AuthErrorKey>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message as AuthErrorKey;
  }
  return out as FieldErrors<K>;
}
