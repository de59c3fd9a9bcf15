/**
 * The "my limit changed" form's rules, in plain TypeScript: the form checks what the borrower typed
 * before the round trip, and the server action's zod schema (./validation.ts) applies the very same
 * rules after checking the input's shape. No zod here, and nothing that pulls it in: this module is
 * in the dashboard's first-load JavaScript, where zod alone would add 30 KB (gzipped) to every visit.
 * Amounts are read the way they are written on a phone in China ("30,000", "¥30000", "３万",
 * "3.5万元"); problems are error codes, which the form words in its language.
 */
import { calendarDay } from "@/lib/days";

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
const blank = (v: string | undefined): v is undefined => v === undefined || v.trim() === "";

function amountError(v: string | undefined): LimitChangeError | undefined {
  if (blank(v)) return "required";
  const n = parseAmountText(v);
  if (n === null) return "notAmount";
  return n >= MAX_AMOUNT ? "tooLarge" : undefined;
}

function dayError(v: string | undefined, today: string): LimitChangeError | undefined {
  if (blank(v)) return "required";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || calendarDay(v) !== v) return "notDate";
  if (v > today) return "future";
  return v < EARLIEST_DAY ? "tooOld" : undefined;
}

const SCORE_TEXT = /^\d{1,4}$/;

/** The form's fields as text. `previous` and `score` may be left empty. */
export type LimitChangeText = { previous?: string; current: string; date: string; score?: string };
/** In yuan and points; `date` is an Asia/Shanghai day (the history's days are Shanghai days). */
export type LimitChange = { previous?: number; current: number; date: string; score?: number };

/**
 * Checks the form's text against `today` (an Asia/Shanghai day): the values, or one error code per
 * field. Whether an empty `previous` is enough is the store's to decide (it is when an earlier
 * limit is on file).
 */
export function checkLimitChange(text: LimitChangeText, today: string): { ok: true; value: LimitChange } | { ok: false; errors: LimitChangeErrors } {
  const errors: LimitChangeErrors = {};
  const current = amountError(text.current);
  if (current) errors.current = current;
  const date = dayError(text.date, today);
  if (date) errors.date = date;
  if (!blank(text.previous)) {
    const previous = amountError(text.previous);
    if (previous) errors.previous = previous;
  }
  if (!blank(text.score) && !SCORE_TEXT.test(halfWidth(text.score.trim()))) errors.score = "notScore";
  const previous = blank(text.previous) ? null : parseAmountText(text.previous);
  const next = parseAmountText(text.current);
  if (!errors.current && previous !== null && next !== null && previous === next) errors.current = "same";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      previous: previous ?? undefined,
      current: next!,
      date: text.date,
      score: blank(text.score) ? undefined : Number(halfWidth(text.score.trim())),
    },
  };
}

/** A field error code from anywhere (the action's answer, the schema): unknown text becomes "failed". */
export const errorCode = (v: string | undefined): LimitChangeError | undefined =>
  v === undefined ? undefined : (LIMIT_CHANGE_ERRORS as readonly string[]).includes(v) ? (v as LimitChangeError) : "failed";
