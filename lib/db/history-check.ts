/**
 * A compiled acceptance check of history-v1 documents for the import's hot path: the same rules as
 * the zod schema (lib/history/schema.ts) and parseHistory's clock check, written as plain loops.
 * zod takes ~0.6 s of CPU for a 100,000-event sync; this takes a tenth of that. It only ever
 * *accepts*: for anything it does not accept (invalid input, or merely unusual input such as
 * explicit `undefined` members or class instances) it answers null and the caller runs zod, which
 * stays the one authority on every problem and its message. So it may be stricter than zod, never
 * looser, and what it accepts it returns exactly as zod would (strings trimmed where zod trims,
 * the borrower's defaults filled in); history-check.test.ts checks both against zod on generated
 * documents.
 */
import { DAY_MS, calendarDay, shanghaiDay } from "@/lib/days";
import {
  ACCOUNT_ACTIONS,
  ACTIVITY_KINDS,
  DEFAULT_BORROWER,
  EMPLOYMENT_KINDS,
  HISTORY_FORMAT,
  INT32_MAX,
  INT32_MIN,
  MAX_EVENTS,
  NOTICE_KINDS,
  NOTICE_SCOPES,
  isStorableText,
  type Borrower,
  type HistoryDocument,
  type HistoryEvent,
} from "@/lib/history/schema";

/** What a field check answers for a value it refuses. */
const NO = Symbol("refused");
type Check = (v: unknown) => unknown;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Text with no NUL and no surrogate at all is storable; only the rest needs the full check. */
const MAYBE_UNSTORABLE = /[\u0000\uD800-\uDFFF]/;
const storable = (v: string) => !MAYBE_UNSTORABLE.test(v) || isStorableText(v);

/** zod's shortText(max): storable, trimmed, 1..max characters; the trimmed text is the value. */
const shortText =
  (max: number): Check =>
  (v) => {
    if (typeof v !== "string" || !storable(v)) return NO;
    const t = v.trim();
    return t.length >= 1 && t.length <= max ? t : NO;
  };
const note: Check = (v) => (typeof v === "string" && v.length <= 2000 && storable(v) ? v : NO);

/**
 * calendarDay of each distinct date text, once: a long history repeats its days (100,000 events
 * over 33 years have about 12,000), and the check and the rows both need the day. calendarDay
 * is pure, so the cache lives as long as the thread.
 */
const dayCache = new Map<string, string | null>();
function cachedDay(v: string): string | null {
  let day = dayCache.get(v);
  if (day === undefined) {
    day = calendarDay(v);
    // Bounded (a few MB at most), so documents of distinct date-times do not make it grow without end.
    if (dayCache.size >= 20_000) dayCache.clear();
    dayCache.set(v, day);
  }
  return day;
}
// The event's date is checked (and its day kept) by acceptHistory itself.
const eventDate: Check = (v) => (typeof v === "string" ? v : NO);
const plainDay: Check = (v) => (typeof v === "string" && DAY_RE.test(v) && cachedDay(v) !== null ? v : NO);
const amount: Check = (v) =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 && v < 1e12 && Math.abs(Math.round(v * 100) - v * 100) < 1e-6 ? v : NO;
const positiveAmount: Check = (v) => (amount(v) !== NO && (v as number) > 0 ? v : NO);
const int =
  (min: number, max: number): Check =>
  (v) => (typeof v === "number" && Number.isSafeInteger(v) && v >= min && v <= max ? v : NO);
const anyInt: Check = (v) => (typeof v === "number" && Number.isSafeInteger(v) ? v : NO);
const oneOf = (values: readonly string[]): Check => {
  const set = new Set(values);
  return (v) => (typeof v === "string" && set.has(v) ? v : NO);
};
const bool: Check = (v) => (typeof v === "boolean" ? v : NO);

type Shape = { checks: Record<string, Check>; required: string[] };
const BASE: Record<string, Check> = { id: shortText(200), date: eventDate, source: shortText(200), note };
const shape = (checks: Record<string, Check>, required: string[]): Shape => ({ checks: { ...BASE, ...checks }, required: ["date", ...required] });

/** Each event type's members (besides `type`), as lib/history/schema.ts declares them. */
const SHAPES: Record<string, Shape> = {
  profile: shape(
    {
      monthlyIncome: amount,
      employment: oneOf(EMPLOYMENT_KINDS),
      employer: shortText(200),
      identityVerified: bool,
      bankCardLinked: bool,
      phoneVerified: bool,
      incomeProofOnFile: bool,
    },
    [],
  ),
  notice: shape({ scope: oneOf(NOTICE_SCOPES), kind: oneOf(NOTICE_KINDS), text: shortText(2000) }, ["scope", "kind", "text"]),
  account: shape({ lender: shortText(200), action: oneOf(ACCOUNT_ACTIONS), limit: amount }, ["lender", "action"]),
  inquiry: shape({ lender: shortText(200), product: shortText(200) }, ["lender"]),
  asset: shape({ balance: amount, kind: shortText(100) }, ["balance"]),
  activity: shape({ kind: oneOf(ACTIVITY_KINDS), count: int(1, 100_000) }, []),
  borrow: shape({ amount: positiveAmount, loanId: shortText(200), termMonths: int(1, 120), lender: shortText(200) }, ["amount"]),
  repayment: shape({ amount: positiveAmount, loanId: shortText(200), dueDate: plainDay, lender: shortText(200) }, ["amount"]),
  overdue: shape(
    { amount: positiveAmount, dueDate: plainDay, daysPastDue: int(1, 100_000), loanId: shortText(200), lender: shortText(200) },
    ["amount", "dueDate", "daysPastDue"],
  ),
  score: shape({ score: anyInt }, ["score"]),
  limit: shape({ limit: amount }, ["limit"]),
};

/** Each type's members as this check knows them (a test compares them with the schema's). */
export const checkedMembers = (): Record<string, string[]> => Object.fromEntries(Object.entries(SHAPES).map(([type, s]) => [type, ["type", ...Object.keys(s.checks)]]));

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** One event as zod would return it (the same object when nothing is trimmed), or NO. */
function checkEvent(e: unknown): unknown {
  if (!isPlainObject(e)) return NO;
  const s = typeof e.type === "string" && Object.hasOwn(SHAPES, e.type) ? SHAPES[e.type]! : undefined;
  if (!s) return NO;
  let out: Record<string, unknown> | undefined;
  let requiredSeen = 0;
  for (const key in e) {
    if (key === "type") continue;
    const check = Object.hasOwn(s.checks, key) ? s.checks[key]! : undefined;
    if (!check) return NO;
    const v = e[key];
    const checked = check(v);
    if (checked === NO) return NO;
    if (checked !== v) (out ??= { ...e })[key] = checked;
    if (s.required.includes(key)) requiredSeen++;
  }
  return requiredSeen === s.required.length ? (out ?? e) : NO;
}

function checkBorrower(b: unknown): Borrower | null {
  if (b === undefined) return { ...DEFAULT_BORROWER, scoreScale: { ...DEFAULT_BORROWER.scoreScale } };
  if (!isPlainObject(b)) return null;
  for (const key in b) if (key !== "currency" && key !== "product" && key !== "scoreScale") return null;
  const currency = b.currency === undefined ? DEFAULT_BORROWER.currency : b.currency;
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) return null;
  const product = b.product === undefined ? DEFAULT_BORROWER.product : shortText(100)(b.product);
  if (product === NO) return null;
  const scale = b.scoreScale === undefined ? DEFAULT_BORROWER.scoreScale : b.scoreScale;
  if (!isPlainObject(scale)) return null;
  for (const key in scale) if (key !== "min" && key !== "max") return null;
  const end = int(INT32_MIN, INT32_MAX);
  if (end(scale.min) === NO || end(scale.max) === NO || (scale.min as number) >= (scale.max as number)) return null;
  return { currency, product: product as string, scoreScale: { min: scale.min as number, max: scale.max as number } };
}

/** The document and each event's calendar day, when it is valid by the schema and `now`; else null. */
export function acceptHistory(input: unknown, now: Date = new Date()): { document: HistoryDocument; days: string[] } | null {
  if (!isPlainObject(input)) return null;
  for (const key in input) if (key !== "format" && key !== "version" && key !== "borrower" && key !== "events") return null;
  if (input.format !== HISTORY_FORMAT || input.version !== 1) return null;
  const borrower = checkBorrower(input.borrower);
  const raw = input.events;
  if (!borrower || !Array.isArray(raw) || raw.length > MAX_EVENTS) return null;
  const latest = shanghaiDay(now.getTime() + DAY_MS);
  const events: HistoryEvent[] = new Array(raw.length);
  const days: string[] = new Array(raw.length);
  const ids = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    const e = checkEvent(raw[i]) as HistoryEvent | typeof NO;
    if (e === NO) return null;
    const day = cachedDay(e.date);
    if (day === null || day > latest) return null;
    if (e.id !== undefined) {
      if (ids.has(e.id)) return null;
      ids.add(e.id);
    }
    if (e.type === "score" && (e.score < borrower.scoreScale.min || e.score > borrower.scoreScale.max)) return null;
    events[i] = e;
    days[i] = day;
  }
  return { document: { format: HISTORY_FORMAT, version: 1, borrower, events }, days };
}
