/**
 * The one schema of what the screenshot preview sends to be saved: the observations the borrower
 * confirmed (after editing), never the images or their text. Shared by the page and the route.
 */
import { z } from "zod";
import { amount } from "@/lib/history/schema";
import { MAX_SCREENSHOTS } from "./sniff";
import { SCREENSHOT_PRODUCTS } from "./read";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date (YYYY-MM-DD)" });

export const savedObservation = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("limit"), product: z.enum(SCREENSHOT_PRODUCTS), value: amount, date: day }),
  z.strictObject({ type: z.literal("score"), product: z.enum(SCREENSHOT_PRODUCTS), value: z.number().int({ error: "must be a whole number" }), date: day }),
]);

export const saveScreenshots = z.strictObject({
  /** How many screenshots the borrower had read, for the activity log. */
  screenshots: z.number().int().min(1).max(MAX_SCREENSHOTS),
  observations: z.array(savedObservation).max(MAX_SCREENSHOTS * 4),
});

export type SavedObservation = z.infer<typeof savedObservation>;
export type SaveScreenshotsInput = z.infer<typeof saveScreenshots>;
