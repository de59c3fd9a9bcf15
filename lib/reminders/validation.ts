import { z } from "zod";
import { REMINDER_KINDS, type Delivery, type ReminderKind } from "./kinds";

/** A notification id as stored (cuid); anything else never reaches the database. */
export const notificationIdInput = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const delivery = z.object({ inApp: checkbox, email: checkbox, digest: checkbox });

/**
 * The settings form: `<KIND>.inApp`, `<KIND>.email`, `<KIND>.digest` checkboxes (an absent box is
 * off), read from the flat field names a form posts into one Delivery per kind.
 */
export const deliveryInput = z.preprocess(
  (raw) => {
    const flat = (raw ?? {}) as Record<string, unknown>;
    return Object.fromEntries(REMINDER_KINDS.map((k) => [k, { inApp: flat[`${k}.inApp`], email: flat[`${k}.email`], digest: flat[`${k}.digest`] }]));
  },
  z.object(Object.fromEntries(REMINDER_KINDS.map((k) => [k, delivery])) as Record<ReminderKind, typeof delivery>),
) as unknown as z.ZodType<Record<ReminderKind, Delivery>>;

/** The calendar settings' two buttons. */
export const calendarLinkInput = z.object({ op: z.enum(["create", "revoke"]) });

export const unsubscribeTokenInput = z.string().min(1).max(400);
