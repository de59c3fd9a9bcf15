import { previewImport, type ImportPreview } from "@/lib/data/imports";
import { requireUserOrNull, unauthorized } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { toErrorResponse } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { mappingFrom, readFileBody } from "@/lib/import/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export type { ImportPreview };

// POST /api/app/import/preview — what importing the uploaded file (raw body) would do; stores nothing
export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    const user = await requireUserOrNull();
    if (!user) return unauthorized();
    const mapping = mappingFrom(request);
    const bytes = await readFileBody(request);
    const preview: ImportPreview = await previewImport(db, { userId: user.id, bytes, mapping });
    return Response.json(preview);
  } catch (err) {
    return toErrorResponse(err);
  }
}
