"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { ActionError, authedAction } from "@/lib/auth/guards";
import { deleteEvent, saveEvent } from "@/lib/data/events";
import { validateEvent } from "@/lib/events/form-fields";
import { eventRowId, saveEventInput } from "@/lib/events/validation";

/** Every change to the events changes the explanation: drop the cached dashboard, drops and data pages. */
function refreshViews() {
  revalidatePath("/", "layout");
}

/**
 * Adds or edits one event. Validated by the same `historyEvent` schema the form used, then
 * written through the history store (importHistory: future dates and the score scale are
 * checked there too, and come back as field errors), so the next render explains the new history.
 * Another user's row id is "notFound".
 */
export const saveEventAction = authedAction(saveEventInput, async ({ rowId, event }, { db, user }) => {
  const checked = validateEvent(event);
  if (!checked.ok) throw new ActionError("invalid", checked.errors);
  await saveEvent(db, { userId: user.id, rowId, event: checked.event, newId: () => `manual-${randomUUID()}` });
  refreshViews();
  return null;
});

/** Deletes one of the user's event rows; another user's row id is "notFound". */
export const deleteEventAction = authedAction(eventRowId, async (id, { db, user }) => {
  await deleteEvent(db, { userId: user.id, id });
  refreshViews();
  return null;
});
