"use server";

import { revalidatePath } from "next/cache";
import { recordFilingInput, saveAppealInput } from "@/lib/appeal/validation";
import { ActionError, authedAction } from "@/lib/auth/guards";
import { recordFiling, saveAppeal } from "@/lib/data/appeals";
import { todayInShanghai } from "@/lib/days";
import { findDrop } from "@/lib/data/drop-view";

/** Saves the (edited) letter as the drop's draft in its language; only for one of the user's own drops. */
export const saveAppealAction = authedAction(saveAppealInput, async (input, { db, user }) => {
  if (!(await findDrop(db, { userId: user.id, date: input.dropDate }))) throw new ActionError("invalid");
  await saveAppeal(db, { userId: user.id, ...input });
  revalidatePath(`/drops/${input.dropDate}/appeal`);
  return null;
});

/** Records when and where a saved letter was filed, and what came of it. */
export const recordFilingAction = authedAction(recordFilingInput, async (input, { db, user }) => {
  if (input.filedAt > todayInShanghai()) throw new ActionError("dateFuture");
  if (!(await recordFiling(db, { userId: user.id, ...input }))) throw new ActionError("invalid");
  revalidatePath(`/drops/${input.dropDate}/appeal`);
  return null;
});
