"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { todayInShanghai } from "@/lib/data/dashboard";
import { loadExplained } from "@/lib/data/explained";
import { setStepStatus } from "@/lib/data/recovery";
import { db } from "@/lib/db";
import { stepStatusInput } from "@/lib/recovery/validation";

export type StepActionState = { ok: boolean; error?: "invalid" | "unknownStep" };

/** Done / skip / undo a recovery step of one of the signed-in user's drops. */
export async function setStepStatusAction(_prev: StepActionState, formData: FormData): Promise<StepActionState> {
  const user = await requireUser();
  const parsed = stepStatusInput.safeParse({
    dropDate: formData.get("dropDate"),
    stepCode: formData.get("stepCode"),
    status: formData.get("status"),
    on: formData.get("on") || undefined,
  });
  if (!parsed.success) return { ok: false, error: "invalid" };
  const today = todayInShanghai();
  const on = parsed.data.on ?? today;
  if (on > today) return { ok: false, error: "invalid" };
  // Only steps the core lists for this user's drop may be recorded: no rows for foreign or made-up drops.
  const { explanation } = await loadExplained(user.id);
  const drop = explanation.drops.find((d) => d.date === parsed.data.dropDate);
  if (!drop?.steps.some((s) => s.code === parsed.data.stepCode)) return { ok: false, error: "unknownStep" };
  await setStepStatus(db, { userId: user.id, ...parsed.data, on });
  revalidatePath(`/drops/${drop.date}`);
  revalidatePath("/recovery");
  return { ok: true };
}
