"use server";

import { revalidatePath } from "next/cache";
import { ActionError, authedAction } from "@/lib/auth/guards";
import { todayInShanghai } from "@/lib/days";
import { cachedExplanation } from "@/lib/data/explanation-cache";
import { setStepStatus } from "@/lib/data/recovery";
import { stepStatusInput } from "@/lib/recovery/validation";

/** Done / skip / undo a recovery step of one of the signed-in user's drops. */
export const setStepStatusAction = authedAction(stepStatusInput, async (input, { db, user }) => {
  const today = todayInShanghai();
  const on = input.on ?? today;
  if (on > today) throw new ActionError("invalid");
  // Only steps the core lists for this user's drop may be recorded: no rows for foreign or made-up drops.
  const { explanation } = await cachedExplanation(db, { userId: user.id });
  const drop = explanation.drops.find((d) => d.date === input.dropDate);
  if (!drop?.steps.some((s) => s.code === input.stepCode)) throw new ActionError("unknownStep");
  await setStepStatus(db, { userId: user.id, ...input, on });
  revalidatePath(`/drops/${drop.date}`);
  revalidatePath("/recovery");
  return null;
});
