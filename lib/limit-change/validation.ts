/**
 * The "my limit changed" form's input, one zod schema for the form (before the round trip) and
 * the server action (again, as every boundary checks). The form sends what the borrower typed,
 * as text; the schema reads amounts the way they are written on a phone in China ("30,000",
 * "¥30000", "３万", "3.5万元") and answers error codes, which the form words in its language.
 */
import { z } from "zod";
import { calendarDay } from "@/lib/history/schema";

/** What the form may show next to a field; each is a key of `limitChange.errors`. */
export const LIMIT_CHANGE_ERRORS = [
  "required",
  "notAmount",
  "tooLarge",
  "notDate",
  "future",
  "tooOld",
  "notScore",
  "same",
  "previousRequired",
  "failed",
] as const;
export type LimitChangeError = (typeof LIMIT_CHANGE_ERRORS)[number];
export type LimitChangeField = "previous" | "current" | "date" | "score" | "form";
export type LimitChangeErrors = Partial<Record<LimitChangeField, LimitChangeError>>;

/** Jiebei opened in 2015; anything before 2000 is a typo, not a limit someone remembers. */
export const EARLIEST_DAY = "2000-01-01";
const MAX_AMOUNT = 1e12;

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0C\uFF0E]/g;
const halfWidth = (s: string) => s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * A typed amount in yuan, or null when it is not one: digits with at most two decimals, thousands
 * separators, a currency sign or 元, and 万 (ten thousand) as Chinese borrowers write limits.
 */
export function parseAmountText(raw: string): number | null {
  let s = halfWidth(raw).replace(/[\s,¥￥]/g, "").replace(/(元|RMB|CNY)$/i, "");
  let factor = 1;
  if (s.endsWith("万")) {
    factor = 10_000;
    s = s.slice(0, -1);
  }
  // 万 may carry up to four decimals (3.4567万 = ¥34,567); plain yuan at most two (fen).
  const decimals = factor === 1 ? 2 : 6;
  if (!new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`).test(s)) return null;
  const value = Math.round(Number(s) * factor * 100) / 100;
  if (Math.abs(value * 100 - Number(s) * factor * 100) > 1e-6) return null; // 3.123456万 has a part of a fen
  return value;
}

/** Empty text is "not given", for the optional fields. */
const blank = (v: unknown) => typeof v !== "string" || v.trim() === "";

const amountText = z.string().superRefine((v, ctx) => {
  if (blank(v)) return void ctx.addIssue({ code: "custom", message: "required" });
  const n = parseAmountText(v);
  if (n === null) ctx.addIssue({ code: "custom", message: "notAmount" });
  else if (n >= MAX_AMOUNT) ctx.addIssue({ code: "custom", message: "tooLarge" });
});

const scoreText = z.string().superRefine((v, ctx) => {
  if (!/^\d{1,4}$/.test(halfWidth(v.trim()))) ctx.addIssue({ code: "custom", message: "notScore" });
});

const dayText = (today: () => string) =>
  z.string().superRefine((v, ctx) => {
    if (blank(v)) return void ctx.addIssue({ code: "custom", message: "required" });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || calendarDay(v) !== v) return void ctx.addIssue({ code: "custom", message: "notDate" });
    if (v > today()) ctx.addIssue({ code: "custom", message: "future" });
    else if (v < EARLIEST_DAY) ctx.addIssue({ code: "custom", message: "tooOld" });
  });

/**
 * The form's fields as text, checked against `today` (an Asia/Shanghai day: the history's days
 * are Shanghai days): a day, or a function read at each parse, so the server action's one schema
 * follows the clock however long the process runs). `previous` and `score` may be left empty; the store
 * decides whether an empty `previous` is enough (it is when an earlier limit is on file). The
 * output is in yuan and points.
 */
export function limitChangeSchema(today: string | (() => string)) {
  const todayOf = typeof today === "string" ? () => today : today;
  return z
    .strictObject({
      previous: z.string().max(40, { message: "notAmount" }).optional(),
      current: z.string({ message: "required" }).max(40, { message: "notAmount" }).pipe(amountText),
      date: z.string({ message: "required" }).max(20, { message: "notDate" }).pipe(dayText(todayOf)),
      score: z.string().max(20, { message: "notScore" }).optional(),
    })
    .superRefine((v, ctx) => {
      if (!blank(v.previous)) {
        const r = amountText.safeParse(v.previous);
        if (!r.success) ctx.addIssue({ code: "custom", path: ["previous"], message: r.error.issues[0]!.message });
      }
      if (!blank(v.score)) {
        const r = scoreText.safeParse(v.score);
        if (!r.success) ctx.addIssue({ code: "custom", path: ["score"], message: "notScore" });
      }
      const prev = blank(v.previous) ? null : parseAmountText(v.previous!);
      const next = parseAmountText(v.current);
      if (prev !== null && next !== null && prev === next) ctx.addIssue({ code: "custom", path: ["current"], message: "same" });
    })
    .transform((v) => ({
      previous: blank(v.previous) ? undefined : parseAmountText(v.previous!)!,
      current: parseAmountText(v.current)!,
      date: v.date,
      score: blank(v.score) ? undefined : Number(halfWidth(v.score!.trim())),
    }));
}

export type LimitChangeText = z.input<ReturnType<typeof limitChangeSchema>>;
export type LimitChange = z.output<ReturnType<typeof limitChangeSchema>>;

/** A field error code from anywhere (the action's answer, the schema): unknown text becomes "failed". */
export const errorCode = (v: string | undefined): LimitChangeError | undefined =>
  v === undefined ? undefined : (LIMIT_CHANGE_ERRORS as readonly string[]).includes(v) ? (v as LimitChangeError) : "failed";

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
