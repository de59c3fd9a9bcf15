/**
 * The new-password rule beyond length (8–128, in validation.ts): not one of the ~49,000 most
 * common passwords of @zxcvbn-ts/language-common (leaked-password frequency lists). No
 * composition rules (NIST SP 800-63B §5.1.1.2, ASVS 2.1.9): "Password1!" satisfies any of them and
 * is still in every guessing list.
 *
 * Server-side only in practice (the list is ~1 MB; the forms check length and the server this),
 * but without "server-only" so the test and scripts can import it.
 */
import { dictionary } from "@zxcvbn-ts/language-common";

let common: Set<string> | undefined;

/** Case-insensitive, ignoring surrounding spaces: "PASSWORD1 " is as guessable as "password1". */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common.has(password.trim().toLowerCase());
}
