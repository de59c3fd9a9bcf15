import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { explain } from "@/lib/core";
import { loadHistory } from "@/lib/data/history";
import { AppError } from "@/lib/errors";
import { apiHandler } from "../handler";
import { toExplanationResponse } from "../schemas";

export const EXPLANATION_LANGS = ["zh", "en"] as const;

/** The explain contract (shared/spec/explanations.md) over the token owner's stored history. */
export function explanationsHandlers(getDb: () => PrismaClient) {
  return {
    // GET /api/v1/explanations — every limit drop of the token owner, with ranked reasons and recovery steps
    GET: apiHandler(getDb, async ({ db, request, principal }) => {
      const lang = new URL(request.url).searchParams.get("lang");
      if (lang !== null && !(EXPLANATION_LANGS as readonly string[]).includes(lang)) {
        throw new AppError("bad_request", `lang must be one of: ${EXPLANATION_LANGS.join(", ")}.`);
      }
      const history = await loadHistory(db, principal.userId);
      return Response.json(toExplanationResponse(explain(history)));
    }),
  };
}
