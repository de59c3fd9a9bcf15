"use server";

import { revalidatePath } from "next/cache";
import { ActionError, authedAction } from "@/lib/auth/guards";
import { recordLimitChange } from "@/lib/data/limit-change";
import { landingHref } from "@/lib/limit-change/plan";
import { limitChangeSchema } from "@/lib/limit-change/validation";
import { todayInShanghai } from "@/lib/days";

/**
 * "My limit changed": the form's text checked with the form's own schema (today read at each
 * call), the observations recorded for the signed-in user, and where to go next in `data.href`:
 * the drop's explanation when the limit fell, the dashboard otherwise. Field errors are the
 * schema's codes (limitChange errors), under code "invalid".
 */
export const recordLimitChangeAction = authedAction(limitChangeSchema(() => todayInShanghai()), async (change, { db, user }) => {
  const recorded = await recordLimitChange(db, { userId: user.id, change });
  if (!recorded.ok) throw new ActionError("invalid", recorded.errors);
  // Every write to the events changes the explanation: drop the cached dashboard, drops and data pages.
  revalidatePath("/", "layout");
  return { href: landingHref(recorded.outcome, recorded.date) };
});
