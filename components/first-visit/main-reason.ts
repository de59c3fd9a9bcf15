import "server-only";
import { getTranslations } from "next-intl/server";
import type { Drop } from "@/lib/core";
import { headlineKey } from "@/components/experience/reason-headline";

/**
 * A drop's main reason in a few words, worded as the drop page's headline words it ("1 late
 * payment"), so the dashboard and the page never disagree; null when the core found no reason.
 */
export async function mainReasonText(): Promise<(drop: Pick<Drop, "reasons">) => string | null> {
  const [th, tn] = await Promise.all([getTranslations("experience.headline"), getTranslations("experience.reasonNames")]);
  return (drop) => {
    const main = [...drop.reasons].sort((a, b) => a.rank - b.rank)[0];
    if (!main) return null;
    const head = headlineKey(main);
    return head ? th(head.key as never, head.values as never) : tn(main.code as never);
  };
}
