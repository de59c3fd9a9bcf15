"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { todayInShanghai } from "@/lib/data/dashboard";
import { getDropView } from "@/lib/data/drop-view";
import { recordFiling, saveAppeal } from "@/lib/data/appeals";
import { db } from "@/lib/db";
import { recordFilingInput, saveAppealInput } from "@/lib/appeal/validation";

export type AppealActionState = { ok?: boolean; error?: string };

const fields = (formData: FormData) => Object.fromEntries([...formData.entries()].filter(([k]) => !k.startsWith("$")));

/** Saves the (edited) letter as the drop's draft in its language. */
export async function saveAppealAction(_prev: AppealActionState, formData: FormData): Promise<AppealActionState> {
  const user = await requireUser();
  const parsed = saveAppealInput.safeParse(fields(formData));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "invalid" };
  // Only for one of the user's own drops.
  if (!(await getDropView({ userId: user.id, date: parsed.data.dropDate }))) return { error: "invalid" };
  await saveAppeal(db, { userId: user.id, ...parsed.data });
  revalidatePath(`/drops/${parsed.data.dropDate}/appeal`);
  return { ok: true };
}

/** Records when and where a saved letter was filed, and what came of it. */
export async function recordFilingAction(_prev: AppealActionState, formData: FormData): Promise<AppealActionState> {
  const user = await requireUser();
  const parsed = recordFilingInput.safeParse(fields(formData));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "invalid" };
  if (parsed.data.filedAt > todayInShanghai()) return { error: "dateFuture" };
  const ok = await recordFiling(db, { userId: user.id, ...parsed.data });
  if (!ok) return { error: "invalid" };
  revalidatePath(`/drops/${parsed.data.dropDate}/appeal`);
  return { ok: true };
}
