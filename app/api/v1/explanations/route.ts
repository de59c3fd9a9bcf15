import { db } from "@/lib/db";
import { explanationsHandlers } from "@/lib/api/v1/explanations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/v1/explanations — every limit drop of the token owner with ranked reasons and recovery steps (?lang=zh|en)
export const GET = explanationsHandlers(() => db).GET;

export type { ExplanationResponse } from "@/lib/api/schemas";
