/**
 * The optional platform-wide context (signals known across users), as one zod schema so the API
 * and the app validate what they pass in the same way; the type is inferred from it.
 */
import { z } from "zod";
import { calendarDay } from "@/lib/history/schema";

export const platformDropWeek = z
  .strictObject({
    product: z.string().min(1),
    /** First day (YYYY-MM-DD) of the 7-day week. */
    weekStart: z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && calendarDay(v) === v, { error: "must be a real date (YYYY-MM-DD)" }),
    borrowersWithDrops: z.number().int().min(0),
    borrowers: z.number().int().min(1),
  })
  .refine((w) => w.borrowersWithDrops <= w.borrowers, { error: "borrowersWithDrops must not exceed borrowers" });

export const coreContext = z.strictObject({ platformDropWeeks: z.array(platformDropWeek).optional() });

export type PlatformDropWeek = z.infer<typeof platformDropWeek>;
export type CoreContext = z.infer<typeof coreContext>;
