import "server-only";
import { cachedExplanation } from "@/lib/data/explanation-cache";
import { cachedRead } from "@/lib/db/read-cache";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { withText } from "@/lib/i18n/core-text";
import type { Locale } from "@/lib/i18n/config";
import { apiHandler } from "@/lib/auth/guards";
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
      // The dashboard's answer (platform context included), from the shared ExplanationCache:
      // one query while the history is unchanged, none while the read cache holds it; the body
      // is serialized once per result and language.
      const { userId } = principal;
      const { explanation, historyVersion, computedAt } = await cachedExplanation(db, { userId });
      const key = `v1-explanations:${userId}:${lang ?? ""}:${historyVersion}:${computedAt.getTime()}`;
      const body = await cachedRead(
        db,
        key,
        async () => {
          if (!locale) return JSON.stringify(toExplanationResponse(explanation));
          // Amounts in the texts carry the borrower's own currency (read only when text is asked for).
          const user = await db.user.findUnique({ where: { id: userId }, select: { currency: true } });
          return JSON.stringify(toExplanationResponse(withText(explanation, locale, { currency: user?.currency ?? "CNY" })));
        },
        { owner: userId },
      );
      return new Response(body, { headers: { "content-type": "application/json" } });
    }),
  };
}
