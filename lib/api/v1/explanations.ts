import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { explain, type Explanation } from "@/lib/core";
import { loadHistory } from "@/lib/data/history";
import { platformDropWeeks } from "@/lib/data/platform-drops";
import { AppError } from "@/lib/errors";
import { withText } from "@/lib/i18n/core-text";
import type { Locale } from "@/lib/i18n/config";
import { apiHandler } from "../handler";
import { toExplanationResponse } from "../schemas";

/** `?lang=` values and the UI locale whose message catalogue renders them. */
export const EXPLANATION_LANGS: Record<string, Locale> = { zh: "zh-CN", en: "en" };

/** The explain contract (shared/spec/explanations.md) over the token owner's stored history. */
export function explanationsHandlers(getDb: () => PrismaClient) {
  return {
    // GET /api/v1/explanations — every limit drop of the token owner, with ranked reasons and recovery steps
    GET: apiHandler(getDb, async ({ db, request, principal }) => {
      const lang = new URL(request.url).searchParams.get("lang");
      const locale = lang === null ? null : Object.hasOwn(EXPLANATION_LANGS, lang) ? EXPLANATION_LANGS[lang]! : undefined;
      if (locale === undefined) {
        throw new AppError("bad_request", `lang must be one of: ${Object.keys(EXPLANATION_LANGS).join(", ")}.`);
      }
      const explanation = await explainWithPlatformContext(db, principal.userId);
      return Response.json(toExplanationResponse(locale ? withText(explanation, locale) : explanation));
    }),
  };
}

/**
 * The same answer the dashboard gives (lib/data/explained.ts, which is bound to the app's `db` and
 * React's request cache): a first pass finds the drop dates, the platform-wide weeks of those drops
 * become context, and a second pass lets POLICY_TIGHTENING fire.
 */
async function explainWithPlatformContext(db: PrismaClient, userId: string): Promise<Explanation> {
  const history = await loadHistory(db, userId);
  const first = explain(history);
  if (first.drops.length === 0) return first;
  const weeks = await platformDropWeeks(db, { product: history.borrower.product, days: first.drops.map((d) => d.date) });
  return weeks.length === 0 ? first : explain(history, { context: { platformDropWeeks: weeks } });
}
