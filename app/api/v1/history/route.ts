import { db } from "@/lib/db";
import { historyHandlers } from "@/lib/api/v1/history";

// Prisma and PGlite need Node; every answer depends on the bearer token, so nothing is cached.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handlers = historyHandlers(() => db);

// POST /api/v1/history — merge a history-v1 document into the token owner's history (Idempotency-Key supported)
export const POST = handlers.POST;

// GET /api/v1/history — export the token owner's history as a history-v1 document
export const GET = handlers.GET;

export type { ImportResult } from "@/lib/api/schemas";
export type { HistoryDocument } from "@/lib/history/schema";
