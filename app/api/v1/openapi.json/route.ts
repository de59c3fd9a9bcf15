import { openApiResponse } from "@/lib/api/openapi";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/v1/openapi.json — the sync API's OpenAPI 3.1 description, generated from its zod schemas (public)
export const GET = openApiResponse;
