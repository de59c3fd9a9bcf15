/** The profile form's one shape: the form, the server action and the history event it becomes. */
import { z } from "zod";
import { calendarDay, EMPLOYMENT_KINDS, type EventOf } from "@/lib/history/schema";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const optionalText = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string({ error: "invalid" }).trim().max(200, { error: "invalid" }).optional());

export const profileForm = z.strictObject({
  monthlyIncome: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : Number(String(v).replaceAll(",", ""))),
    z
      .number({ error: "incomeInvalid" })
      .min(0, { error: "incomeInvalid" })
      .max(100_000_000, { error: "incomeInvalid" })
      .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { error: "incomeInvalid" })
      .optional(),
  ),
  employment: z.preprocess((v) => (v === "" ? undefined : v), z.enum(EMPLOYMENT_KINDS, { error: "invalid" }).optional()),
  employer: optionalText,
  identityVerified: checkbox,
  bankCardLinked: checkbox,
  phoneVerified: checkbox,
  incomeProofOnFile: checkbox,
  /** Since when this is true: may be before a drop when the borrower simply had not recorded it. */
  effectiveDate: z
    .string({ error: "dateRequired" })
    .min(1, { error: "dateRequired", abort: true })
    .refine((v) => calendarDay(v) === v && /^\d{4}-\d{2}-\d{2}$/.test(v), { error: "dateInvalid" }),
  drop: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string({ error: "invalid" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalid" }).optional()),
});
export type ProfileForm = z.infer<typeof profileForm>;

/** The history-v1 `profile` event the form writes; one id per day, so saving twice the same day updates. */
export function profileEvent(form: ProfileForm): EventOf<"profile"> {
  return {
    id: `ui-profile-${form.effectiveDate}`,
    type: "profile",
    date: form.effectiveDate,
    source: "manual",
    ...(form.monthlyIncome !== undefined ? { monthlyIncome: form.monthlyIncome } : {}),
    ...(form.employment ? { employment: form.employment } : {}),
    ...(form.employer ? { employer: form.employer } : {}),
    identityVerified: form.identityVerified,
    bankCardLinked: form.bankCardLinked,
    phoneVerified: form.phoneVerified,
    incomeProofOnFile: form.incomeProofOnFile,
  };
}

const FIELDS = ["monthlyIncome", "employment", "employer", "identityVerified", "bankCardLinked", "phoneVerified", "incomeProofOnFile"] as const;

/** The profile as of the latest profile event (a field left out keeps its earlier value). */
export function currentProfile(events: readonly { type: string; date: string }[]): Partial<EventOf<"profile">> {
  const profiles = events.filter((e): e is EventOf<"profile"> => e.type === "profile").sort((a, b) => a.date.localeCompare(b.date));
  const out: Partial<EventOf<"profile">> = {};
  for (const p of profiles) {
    for (const k of FIELDS) if (p[k] !== undefined) Object.assign(out, { [k]: p[k] });
  }
  return out;
}
