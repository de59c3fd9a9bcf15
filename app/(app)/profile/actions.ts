"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { todayInShanghai } from "@/lib/data/dashboard";
import { explainFor } from "@/lib/data/explained";
import { importHistory } from "@/lib/data/history";
import { db } from "@/lib/db";
import { profileEvent, profileForm } from "@/lib/profile/validation";

export type ProfileActionState = { errors?: Record<string, string>; failed?: boolean };

const codesOf = (drops: { date: string; reasons: { code: string }[] }[], date?: string) =>
  new Set(drops.find((d) => d.date === date)?.reasons.map((r) => r.code) ?? []);

/**
 * Saves the profile as a history-v1 `profile` event (through importHistory, like any import), then
 * explains again and sends the borrower back to the drop with what changed in its reasons.
 */
export async function saveProfileAction(_prev: ProfileActionState, formData: FormData): Promise<ProfileActionState> {
  const user = await requireUser();
  const parsed = profileForm.safeParse(Object.fromEntries([...formData.entries()].filter(([k]) => !k.startsWith("$"))));
  if (!parsed.success) {
    return { errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message.length < 40 ? i.message : "invalid"])) };
  }
  if (parsed.data.effectiveDate > todayInShanghai()) return { errors: { effectiveDate: "dateFuture" } };
  const before = await explainFor(user.id);
  try {
    await importHistory(db, user.id, {
      format: "credit-health-history",
      version: 1,
      borrower: before.history.borrower,
      events: [profileEvent(parsed.data)],
    });
  } catch {
    return { failed: true };
  }
  const after = await explainFor(user.id);
  revalidatePath("/", "layout");
  const drop = parsed.data.drop && after.explanation.drops.some((d) => d.date === parsed.data.drop) ? parsed.data.drop : undefined;
  if (!drop) redirect("/dashboard");
  const was = codesOf(before.explanation.drops, drop);
  const now = codesOf(after.explanation.drops, drop);
  const removed = [...was].filter((c) => !now.has(c));
  const added = [...now].filter((c) => !was.has(c));
  const query = new URLSearchParams({ updated: "1", ...(removed.length ? { removed: removed.join(",") } : {}), ...(added.length ? { added: added.join(",") } : {}) });
  redirect(`/drops/${drop}?${query}`);
}
