/**
 * The sync API's response shapes as zod schemas: the OpenAPI document is generated from them and
 * callers import the inferred types. Request bodies use the one history-v1 schema
 * (lib/history/schema.ts); explanation shapes mirror lib/core/types.ts, checked at compile time below.
 */
import { z } from "zod";
import { ERROR_STATUS } from "@/lib/errors";
import { BLOCKER_CODES, REASON_CODES, STEP_CODES, type Explanation } from "@/lib/core/types";

const count = z.number().int().min(0);

export const importResultSchema = z
  .object({
    added: count.describe("Events whose id was new for this user."),
    updated: count.describe("Events whose id existed with different content (replaced)."),
    unchanged: count.describe("Events whose id existed with the same content (no-op)."),
    total: count.describe("Events stored for this user after the merge."),
  });

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
      message: z.string().describe("For people; do not parse it. Branch on `code`."),
      problems: z
        .array(z.string())
        .optional()
        .describe("Every validation problem as `json.path: message`, e.g. `events[12].amount: must be a positive number`."),
    }),
  });

const evidenceSchema = z.object({
  eventIds: z.array(z.string()).describe("Ids of the events the reason rests on."),
  figures: z.record(z.string(), z.union([z.number(), z.string()])).describe("Measured figures, e.g. {\"inquiries30d\": 6}."),
});

export const reasonSchema = z
  .object({
    code: z.enum(REASON_CODES),
    rank: z.number().int().min(1).describe("1 = most important."),
    weight: z.number().min(0).max(1),
    confidence: z.enum(["high", "medium", "low"]),
    evidence: evidenceSchema,
    text: z.string().optional().describe("Human-readable text, present when `lang` was given."),
  });

export const stepSchema = z
  .object({
    code: z.enum(STEP_CODES),
    reasonCodes: z.array(z.enum(REASON_CODES)),
    basis: z.array(z.enum(["onTimeRecord", "cancellation"])).optional(),
    text: z.string().optional().describe("Human-readable text, present when `lang` was given."),
  });

const day = z.string().describe("YYYY-MM-DD");
const text = z.string().optional().describe("Human-readable text, present when `lang` was given.");

export const outlookSchema = z
  .object({
    signalsClearOn: day.nullable().describe("First day after the drop from which none of its borrower-side signals is active; null when one cannot clear by time alone."),
    likelyFrom: day.nullable(),
    likelyTo: day.nullable(),
    basis: z.array(z.enum(["signals", "own-history", "cohort"])),
    confidence: z.enum(["high", "medium", "low"]),
    pending: z.array(z.enum(REASON_CODES)).describe("Reasons that need an action, not time."),
    restoredOn: day.nullable(),
    ownHistory: z.object({ drops: z.number().int(), medianDays: z.number() }).optional(),
    cohort: z.object({ borrowers: z.number().int(), medianDays: z.number(), q1Days: z.number(), q3Days: z.number() }).optional(),
    text,
    basisText: z.string().optional(),
  })
  .describe("How long until the limit comes back (an estimate: the lender decides). Reads every event up to the latest one.");

export const dropSchema = z
  .object({
    date: z.string().describe("YYYY-MM-DD of the lower limit observation."),
    previousLimit: z.number(),
    newLimit: z.number(),
    kind: z.enum(["decrease", "cancellation"]),
    temporary: z.boolean(),
    eventId: z.string(),
    restoredOn: day.optional().describe("A temporary drop: when it was restored."),
    reasons: z.array(reasonSchema),
    steps: z.array(stepSchema),
    outlook: outlookSchema.nullable().optional().describe("Absent on a temporary drop; null when there is no basis for an estimate."),
    text,
  });

export const growthSchema = z
  .object({
    since: day,
    days: z.number().int(),
    limit: z.number(),
    blockers: z.array(
      z.object({
        code: z.enum(BLOCKER_CODES),
        rank: z.number().int().min(1),
        weight: z.number().min(0).max(1),
        confidence: z.enum(["high", "medium", "low"]),
        evidence: evidenceSchema,
        clearsOn: day.nullable().describe("When it stops by time alone; null when it needs an action."),
        text,
      }),
    ),
    steps: z.array(z.object({ code: z.enum(STEP_CODES), reasonCodes: z.array(z.enum(BLOCKER_CODES)), text })),
    text,
  })
  .describe("Why the limit has not risen: present when it has been flat for 180+ days.");

export const explanationResponseSchema = z.object({
  version: z.literal(1),
  drops: z.array(dropSchema).describe("Oldest first; empty when the limit never dropped."),
  growth: growthSchema.nullable(),
});

export type ImportResult = z.infer<typeof importResultSchema>;
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type ExplanationResponse = z.infer<typeof explanationResponseSchema>;

/** The core's answer as the API's type; if the core changes shape, this stops compiling and the schema must follow. */
export function toExplanationResponse(e: Explanation): ExplanationResponse {
  return e;
}
