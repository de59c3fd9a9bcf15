import { openApiDocument } from "@/lib/api/openapi";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Generated once per process: the schemas do not change while it runs.
let document: Record<string, unknown> | undefined;

// GET /api/v1/openapi.json — the sync API's OpenAPI 3.1 description, generated from its zod schemas (public)
export function GET(): Response {
  document ??= openApiDocument();
  return Response.json(document, { headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" } });
}
