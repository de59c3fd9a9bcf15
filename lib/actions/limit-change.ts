"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { recordLimitChange } from "@/lib/data/limit-change";
import { db } from "@/lib/db";
import { landingHref } from "@/lib/limit-change/plan";
import { parseLimitChange, type LimitChangeErrors } from "@/lib/limit-change/validation";
import { todayInShanghai } from "@/lib/timeline/current-assessment";

export type LimitChangeResult = { ok: true; href: string } | { ok: false; errors: LimitChangeErrors };

/**
 * "My limit changed": checks the form's text with the form's own schema, records the
 * observations for the signed-in user and answers where to go next: the drop's explanation
 * when the limit fell, the dashboard otherwise.
 */
export async function recordLimitChangeAction(input: unknown): Promise<LimitChangeResult> {
  const user = await requireUser();
  const parsed = parseLimitChange(input, todayInShanghai());
  if (!parsed.ok) return parsed;
  try {
    const recorded = await recordLimitChange(db, { userId: user.id, change: parsed.value });
    if (!recorded.ok) return recorded;
    // Every write to the events changes the explanation: drop the cached dashboard, drops and data pages.
    revalidatePath("/", "layout");
    return { ok: true, href: landingHref(recorded.outcome, recorded.date) };
  } catch (err) {
    console.error("recordLimitChangeAction failed", err);
    return { ok: false, errors: { form: "failed" } };
  }
}
