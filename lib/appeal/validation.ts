/** The appeal page's inputs, shared by its forms and server actions. */
import { z } from "zod";
import { calendarDay, storableText } from "@/lib/history/schema";

const day = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && calendarDay(v) === v, { error: "dateInvalid" });

export const APPEAL_OUTCOMES = ["pending", "restored", "partlyRestored", "refused", "noReply"] as const;

export const saveAppealInput = z.strictObject({
  dropDate: day,
  language: z.enum(["zh", "en"]),
  body: storableText(z.string(), "textInvalid").pipe(z.string().trim().min(20, { error: "bodyShort" }).max(20_000, { error: "bodyLong" })),
});

export const recordFilingInput = z.strictObject({
  dropDate: day,
  appealId: storableText(z.string(), "invalid").pipe(z.string().min(1).max(100)),
  filedAt: day,
  filedWith: storableText(z.string(), "textInvalid").pipe(z.string().trim().min(1, { error: "filedWithRequired" }).max(200)),
  outcome: z.enum(APPEAL_OUTCOMES),
});

/** The message keys under `experience.appeal.errors`. */
const APPEAL_ERRORS = new Set(["bodyShort", "bodyLong", "filedWithRequired", "dateFuture", "dateInvalid", "invalid"]);

/** The one message an appeal form shows for an action's answer: the first field's problem, else the refusal. */
export function appealErrorOf(state: { ok: true } | { ok: false; code: string; fieldErrors?: Record<string, string> } | null): string | undefined {
  if (!state || state.ok) return undefined;
  const key = Object.values(state.fieldErrors ?? {})[0] ?? state.code;
  return APPEAL_ERRORS.has(key) ? key : "invalid";
}
