/** The kinds of reminder and alert, and how each is delivered unless the borrower chose otherwise. */
export const REMINDER_KINDS = [
  "INSTALMENT_DUE",
  "INSTALMENT_OVERDUE",
  "RECOVERY_CHECK",
  "DROP_RECHECK",
  "APPEAL_FOLLOW_UP",
  "OUTLOOK_OPENS",
  "NEW_SIGNAL",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type Delivery = { inApp: boolean; email: boolean; digest: boolean };

/**
 * In the app: everything. E-mail is opt-in (the borrower gave an address to sign in, not to be
 * written to); a borrower who turns e-mail on gets the weekly digest with it.
 */
export const DEFAULT_DELIVERY: Delivery = { inApp: true, email: false, digest: false };

export function isReminderKind(value: unknown): value is ReminderKind {
  return typeof value === "string" && (REMINDER_KINDS as readonly string[]).includes(value);
}
