/** The event actions' inputs. The event itself is checked by `validateEvent` (the history-v1 schema) in the form and again in the action. */
import { z } from "zod";

/** An event row's id, as the table and the edit page hold it. */
export const eventRowId = z.string().min(1).max(100);

export const saveEventInput = z.strictObject({ rowId: eventRowId.optional(), event: z.unknown() });
export type SaveEventInput = z.infer<typeof saveEventInput>;
