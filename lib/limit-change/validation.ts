/**
 * The "my limit changed" server action's input: zod checks the shape (text fields, lengths, no
 * other keys), then the form's own rules (./check.ts) read the values, so the form (before the
 * round trip) and the action (again, as every boundary checks) cannot disagree.
 */
import { z } from "zod";
import { checkLimitChange, LIMIT_CHANGE_ERRORS, type LimitChange, type LimitChangeError, type LimitChangeErrors, type LimitChangeField } from "./check";

export { errorCode, LIMIT_CHANGE_ERRORS, parseAmountText, type LimitChange, type LimitChangeError, type LimitChangeErrors, type LimitChangeField } from "./check";

/**
 * The form's fields as text, checked against `today`: a day, or a function read at each parse, so
 * the server action's one schema follows the clock however long the process runs.
 */
export function limitChangeSchema(today: string | (() => string)) {
  const todayOf = typeof today === "string" ? () => today : today;
  return z
    .strictObject({
      previous: z.string().max(40, { message: "notAmount" }).optional(),
      current: z.string({ message: "required" }).max(40, { message: "notAmount" }),
      date: z.string({ message: "required" }).max(20, { message: "notDate" }),
      score: z.string().max(20, { message: "notScore" }).optional(),
    })
    .transform((v, ctx): LimitChange => {
      const checked = checkLimitChange(v, todayOf());
      if (checked.ok) return checked.value;
      for (const [field, code] of Object.entries(checked.errors)) ctx.addIssue({ code: "custom", path: [field], message: code });
      return z.NEVER;
    });
}

/** Parses the form's text: the values, or one error code per field (the first one found). */
export function parseLimitChange(input: unknown, today: string): { ok: true; value: LimitChange } | { ok: false; errors: LimitChangeErrors } {
  const r = limitChangeSchema(today).safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  const errors: LimitChangeErrors = {};
  for (const issue of r.error.issues) {
    const field = (typeof issue.path[0] === "string" ? issue.path[0] : "form") as LimitChangeField;
    const code = (LIMIT_CHANGE_ERRORS as readonly string[]).includes(issue.message) ? (issue.message as LimitChangeError) : "required";
    errors[field] ??= code;
  }
  return { ok: false, errors };
}
