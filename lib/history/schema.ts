/**
 * The history-v1 interchange format (../shared/spec/history-v1.md) as one zod schema.
 * Import, export, the sync API, the explain command and the rule core all use this file;
 * nothing else describes the shape of a history.
 */
import { z } from "zod";
import { calendarDay } from "@/lib/days";

export const HISTORY_FORMAT = "credit-health-history";
export const SUPPORTED_VERSIONS = [1] as const;
export const MAX_EVENTS = 200_000;

/** The tie-break order of event types on one day (spec: "Event types (in tie-break order)"). */
export const EVENT_TYPES = [
  "profile",
  "notice",
  "account",
  "inquiry",
  "asset",
  "activity",
  "borrow",
  "repayment",
  "overdue",
  "score",
  "limit",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EMPLOYMENT_KINDS = ["employed", "self-employed", "irregular", "unemployed", "student", "retired"] as const;
export const NOTICE_SCOPES = ["platform", "personal"] as const;
export const NOTICE_KINDS = ["policy", "maintenance", "security", "other"] as const;
export const ACCOUNT_ACTIONS = ["opened", "closed"] as const;
export const ACTIVITY_KINDS = ["login", "payment", "transfer", "other"] as const;

// Calendar days are lib/days.ts's: the client's forms read them too, without this schema (and zod).
export { calendarDay };
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const eventDate = z
  .string({ error: "must be a date (YYYY-MM-DD or ISO 8601 date-time with offset)" })
  .refine((v) => calendarDay(v) !== null, { error: "must be a real date (YYYY-MM-DD or ISO 8601 date-time with offset)" });

const plainDay = z
  .string({ error: "must be a date (YYYY-MM-DD)" })
  .refine((v) => DAY_RE.test(v) && calendarDay(v) !== null, { error: "must be a real date (YYYY-MM-DD)" });

/** Major units (yuan), never negative, at most two decimals, below a trillion. */
export const amount = z
  .number({ error: "must be a number" })
  .refine((v) => Number.isFinite(v) && v >= 0, { error: "must be a non-negative number", abort: true })
  .refine((v) => v < 1e12, { error: "must be below 1,000,000,000,000", abort: true })
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { error: "must have at most two decimals" });

const positiveAmount = amount.refine((v) => v > 0, { error: "must be a positive number" });

// PostgreSQL cannot store either in text or jsonb (the write fails, after the checks passed), and
// neither is text a borrower meant: refused here so every caller answers 422 naming the field.
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const NUL_MESSAGE = "must not contain a NUL character";
export const SURROGATE_MESSAGE = "must not contain a lone surrogate (invalid Unicode)";

/** The one check of "storable Unicode text", shared by every schema that stores strings. */
export function storableText<T extends z.ZodType<string, string>>(schema: T, error?: string) {
  return schema
    .refine((v) => !NUL.test(v), { error: error ?? NUL_MESSAGE, abort: true })
    .refine((v) => !LONE_SURROGATE.test(v), { error: error ?? SURROGATE_MESSAGE, abort: true });
}

/** True when `value` could be stored as text (no NUL, no lone surrogate). */
export function isStorableText(value: string): boolean {
  return !NUL.test(value) && !LONE_SURROGATE.test(value);
}

const shortText = (max: number) =>
  storableText(z.string()).pipe(z.string().trim().min(1, { error: "must not be empty" }).max(max, { error: `must be at most ${max} characters` }));

const base = {
  id: shortText(200).optional(),
  date: eventDate,
  source: shortText(200).optional(),
  note: storableText(z.string().max(2000, { error: "must be at most 2000 characters" })).optional(),
};

export const profileEvent = z.strictObject({
  ...base,
  type: z.literal("profile"),
  monthlyIncome: amount.optional(),
  employment: z.enum(EMPLOYMENT_KINDS).optional(),
  employer: shortText(200).optional(),
  identityVerified: z.boolean().optional(),
  bankCardLinked: z.boolean().optional(),
  phoneVerified: z.boolean().optional(),
  incomeProofOnFile: z.boolean().optional(),
});

export const noticeEvent = z.strictObject({
  ...base,
  type: z.literal("notice"),
  scope: z.enum(NOTICE_SCOPES),
  kind: z.enum(NOTICE_KINDS),
  text: shortText(2000),
});

export const accountEvent = z.strictObject({
  ...base,
  type: z.literal("account"),
  lender: shortText(200),
  action: z.enum(ACCOUNT_ACTIONS),
  limit: amount.optional(),
});

export const inquiryEvent = z.strictObject({
  ...base,
  type: z.literal("inquiry"),
  lender: shortText(200),
  product: shortText(200).optional(),
});

export const assetEvent = z.strictObject({
  ...base,
  type: z.literal("asset"),
  balance: amount,
  kind: shortText(100).optional(),
});

export const activityEvent = z.strictObject({
  ...base,
  type: z.literal("activity"),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  count: z.number().int({ error: "must be a whole number" }).min(1, { error: "must be at least 1" }).max(100_000).optional(),
});

export const borrowEvent = z.strictObject({
  ...base,
  type: z.literal("borrow"),
  amount: positiveAmount,
  loanId: shortText(200).optional(),
  termMonths: z.number().int({ error: "must be a whole number" }).min(1).max(120).optional(),
  lender: shortText(200).optional(),
});

export const repaymentEvent = z.strictObject({
  ...base,
  type: z.literal("repayment"),
  amount: positiveAmount,
  loanId: shortText(200).optional(),
  dueDate: plainDay.optional(),
  lender: shortText(200).optional(),
});

export const overdueEvent = z.strictObject({
  ...base,
  type: z.literal("overdue"),
  amount: positiveAmount,
  dueDate: plainDay,
  daysPastDue: z.number().int({ error: "must be a whole number" }).min(1, { error: "must be at least 1" }).max(100_000),
  /** With its late repayment (same loanId and dueDate) one missed instalment (history-v1.md). */
  loanId: shortText(200).optional(),
  lender: shortText(200).optional(),
});

export const scoreEvent = z.strictObject({
  ...base,
  type: z.literal("score"),
  score: z.number({ error: "must be a number" }).int({ error: "must be a whole number" }),
});

export const limitEvent = z.strictObject({
  ...base,
  type: z.literal("limit"),
  limit: amount,
});

export const historyEvent = z.discriminatedUnion(
  "type",
  [
    profileEvent,
    noticeEvent,
    accountEvent,
    inquiryEvent,
    assetEvent,
    activityEvent,
    borrowEvent,
    repaymentEvent,
    overdueEvent,
    scoreEvent,
    limitEvent,
  ],
  { error: () => `must have a type, one of: ${EVENT_TYPES.join(", ")}` },
);

/** The database keeps the scale in 32-bit integer columns (User.scoreMin, User.scoreMax). */
export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;
const scaleEnd = z
  .number({ error: "must be a number" })
  .int({ error: "must be a whole number" })
  .min(INT32_MIN, { error: `must be at least ${INT32_MIN}` })
  .max(INT32_MAX, { error: `must be at most ${INT32_MAX}` });

export const scoreScale = z
  .strictObject({ min: scaleEnd, max: scaleEnd })
  .refine((s) => s.min < s.max, { error: "min must be below max" });

export const borrower = z.strictObject({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: "must be an ISO 4217 code such as CNY" })
    .default("CNY"),
  product: shortText(100).default("Jiebei"),
  scoreScale: scoreScale.default({ min: 350, max: 950 }),
});

export const DEFAULT_BORROWER = { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } } as const;

export const historyDocument = z
  .strictObject({
    format: z.literal(HISTORY_FORMAT, { error: `must be "${HISTORY_FORMAT}"` }),
    version: z.literal(1, { error: `unsupported version; supported versions: ${SUPPORTED_VERSIONS.join(", ")}` }),
    borrower: borrower.default(DEFAULT_BORROWER),
    events: z.array(historyEvent, { error: "must be an array of events" }).max(MAX_EVENTS, { error: `must hold at most ${MAX_EVENTS} events` }),
  })
  .superRefine((doc, ctx) => {
    const seen = new Map<string, number>();
    doc.events.forEach((e, i) => {
      if (e.id !== undefined) {
        const first = seen.get(e.id);
        if (first !== undefined) {
          ctx.addIssue({ code: "custom", path: ["events", i, "id"], message: `duplicate id "${e.id}" (first used at events[${first}])` });
        } else seen.set(e.id, i);
      }
      if (e.type === "score" && (e.score < doc.borrower.scoreScale.min || e.score > doc.borrower.scoreScale.max)) {
        ctx.addIssue({
          code: "custom",
          path: ["events", i, "score"],
          message: `must be within the score scale ${doc.borrower.scoreScale.min}–${doc.borrower.scoreScale.max}`,
        });
      }
    });
  });

export type HistoryEvent = z.infer<typeof historyEvent>;
export type HistoryDocument = z.infer<typeof historyDocument>;
export type HistoryDocumentInput = z.input<typeof historyDocument>;
export type Borrower = z.infer<typeof borrower>;
export type EventOf<T extends EventType> = Extract<HistoryEvent, { type: T }>;
