import { z } from "zod";
import { REMINDER_KINDS } from "./kinds";

/** A notification id as stored (cuid); anything else never reaches the database. */
export const notificationId = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** The settings form: `<KIND>.inApp`, `<KIND>.email`, `<KIND>.digest` checkboxes (absent = off). */
export const deliveryForm = z.object(
  Object.fromEntries(REMINDER_KINDS.map((k) => [k, z.object({ inApp: checkbox, email: checkbox, digest: checkbox })])) as Record<
    (typeof REMINDER_KINDS)[number],
    z.ZodObject<{ inApp: typeof checkbox; email: typeof checkbox; digest: typeof checkbox }>
  >,
);

/** FormData's flat `KIND.field` names as the nested object deliveryForm reads. */
export function deliveryInput(form: FormData): Record<string, Record<string, unknown>> {
  return Object.fromEntries(REMINDER_KINDS.map((k) => [k, { inApp: form.get(`${k}.inApp`), email: form.get(`${k}.email`), digest: form.get(`${k}.digest`) }]));
}

export const unsubscribeForm = z.object({ t: z.string().min(1).max(400) });
