"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { deleteEvent, saveEvent } from "@/lib/data/events";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { validateEvent, type FieldErrors } from "@/lib/events/form-fields";

export type EventActionResult = { ok: true } | { ok: false; fieldErrors?: FieldErrors; error?: "failed" | "notFound" };

const rowId = z.string().min(1).max(100);
const saveInput = z.strictObject({ rowId: rowId.optional(), event: z.unknown() });

/** Every change to the events changes the explanation: drop the cached dashboard, drops and data pages. */
function refreshViews() {
  revalidatePath("/", "layout");
}

/**
 * Adds or edits one event. Validated by the same `historyEvent` schema the form used, then
 * written through the history store (importHistory: future dates and the score scale are
 * checked there too), so the next render explains the new history.
 */
export async function saveEventAction(input: unknown): Promise<EventActionResult> {
  const user = await requireUser();
  const parsedInput = saveInput.safeParse(input);
  if (!parsedInput.success) return { ok: false, error: "failed" };
  const checked = validateEvent(parsedInput.data.event);
  if (!checked.ok) return { ok: false, fieldErrors: checked.errors };
  try {
    await saveEvent(db, { userId: user.id, rowId: parsedInput.data.rowId, event: checked.event, newId: () => `manual-${randomUUID()}` });
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return { ok: false, error: "notFound" };
    if (isAppError(err) && err.code === "validation_failed") return { ok: false, fieldErrors: fieldErrorsOf(err.problems ?? []) };
    console.error("saveEventAction failed", err);
    return { ok: false, error: "failed" };
  }
  refreshViews();
  return { ok: true };
}

/** `events[0].date: is in the future (…)` → { date: "is in the future (…)" }. */
function fieldErrorsOf(problems: string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const p of problems) {
    const m = /^events\[\d+\]\.(\w+): (.*)$/.exec(p);
    out[m ? m[1]! : "form"] ??= m ? m[2]! : p;
  }
  return out;
}

export async function deleteEventAction(input: unknown): Promise<EventActionResult> {
  const user = await requireUser();
  const id = rowId.safeParse(input);
  if (!id.success) return { ok: false, error: "notFound" };
  try {
    await deleteEvent(db, { userId: user.id, id: id.data });
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return { ok: false, error: "notFound" };
    console.error("deleteEventAction failed", err);
    return { ok: false, error: "failed" };
  }
  refreshViews();
  return { ok: true };
}
