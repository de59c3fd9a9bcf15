/**
 * The optional platform-wide context (signals known across users), as one zod schema so the API
 * and the app validate what they pass in the same way; the type is inferred from it.
 */
import { z } from "zod";
import { calendarDay } from "@/lib/history/schema";
import { REASON_CODES } from "./types";

export const platformDropWeek = z
  .strictObject({
    product: z.string().min(1),
    /** First day (YYYY-MM-DD) of the 7-day week. */
    weekStart: z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && calendarDay(v) === v, { error: "must be a real date (YYYY-MM-DD)" }),
    borrowersWithDrops: z.number().int().min(0),
    borrowers: z.number().int().min(1),
  })
  .refine((w) => w.borrowersWithDrops <= w.borrowers, { error: "borrowersWithDrops must not exceed borrowers" });

/**
 * Across users (in the app): borrowers of one product whose drop with this main reason a later
 * observation restored, and the days it took (median and quartiles). The core uses a cohort only
 * with at least THRESHOLDS.cohortMinBorrowers borrowers, whatever the caller passes.
 */
export const restoreCohort = z
  .strictObject({
    product: z.string().min(1),
    reason: z.enum(REASON_CODES),
    borrowers: z.number().int().min(1),
    medianDays: z.number().min(0),
    q1Days: z.number().min(0),
    q3Days: z.number().min(0),
  })
  .refine((c) => c.q1Days <= c.medianDays && c.medianDays <= c.q3Days, { error: "quartiles must be ordered: q1Days <= medianDays <= q3Days" });

export const coreContext = z.strictObject({ platformDropWeeks: z.array(platformDropWeek).optional(), restoreCohorts: z.array(restoreCohort).optional() });

export type PlatformDropWeek = z.infer<typeof platformDropWeek>;
export type RestoreCohort = z.infer<typeof restoreCohort>;
export type CoreContext = z.infer<typeof coreContext>;
