"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ActionError, authedAction } from "@/lib/auth/guards";
import { todayInShanghai } from "@/lib/days";
import { cachedExplanation } from "@/lib/data/explanation-cache";
import { readBorrower } from "@/lib/data/history";
import { importHistory } from "@/lib/data/history";
import { profileEvent, profileForm } from "@/lib/profile/validation";

const codesOf = (drops: { date: string; reasons: { code: string }[] }[], date?: string) =>
  new Set(drops.find((d) => d.date === date)?.reasons.map((r) => r.code) ?? []);

/**
 * Saves the profile as a history-v1 `profile` event (through importHistory, like any import), then
 * explains again and sends the borrower back to the drop with what changed in its reasons.
 */
export const saveProfileAction = authedAction(profileForm, async (input, { db, user }) => {
  if (input.effectiveDate > todayInShanghai()) throw new ActionError("invalid", { effectiveDate: "dateFuture" });
  // The explanations before and after, not the history: the borrower block comes alone.
  const [before, borrower] = await Promise.all([cachedExplanation(db, { userId: user.id }), readBorrower(db, user.id)]);
  const profile = { format: "credit-health-history", version: 1, borrower, events: [profileEvent(input)] } as const;
  await importHistory(db, { userId: user.id, document: profile }).catch(() => {
    throw new ActionError("failed");
  });
  const after = await cachedExplanation(db, { userId: user.id });
  revalidatePath("/", "layout");
  const drop = input.drop && after.explanation.drops.some((d) => d.date === input.drop) ? input.drop : undefined;
  if (!drop) redirect("/dashboard");
  const was = codesOf(before.explanation.drops, drop);
  const now = codesOf(after.explanation.drops, drop);
  const removed = [...was].filter((c) => !now.has(c));
  const added = [...now].filter((c) => !was.has(c));
  const query = new URLSearchParams({ updated: "1", ...(removed.length ? { removed: removed.join(",") } : {}), ...(added.length ? { added: added.join(",") } : {}) });
  redirect(`/drops/${drop}?${query}`);
});
