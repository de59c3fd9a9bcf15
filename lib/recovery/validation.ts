/** The recovery checklist's one input shape: the form, the server action and the data module share it. */
import { z } from "zod";
import { STEP_CODES } from "@/lib/core/types";
import { calendarDay } from "@/lib/history/schema";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date (YYYY-MM-DD)" })
  .refine((v) => calendarDay(v) === v, { error: "must be a real date" });

export const STEP_STATUSES = ["done", "skipped", "todo"] as const;
export type StepStatusValue = (typeof STEP_STATUSES)[number];

export const stepStatusInput = z.strictObject({
  dropDate: day,
  stepCode: z.enum(STEP_CODES),
  status: z.enum(STEP_STATUSES),
  /** When the borrower did (or decided to skip) it; defaults to today. */
  on: z.preprocess((v) => (v === "" ? undefined : v), day.optional()),
});
export type StepStatusInput = z.infer<typeof stepStatusInput>;
