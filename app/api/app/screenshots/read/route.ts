import { assertSameOrigin } from "@/lib/auth/csrf";
import { requireUserOrNull, unauthorized } from "@/lib/auth/session";
import { toErrorResponse } from "@/lib/errors";
import { readUploadedScreenshot, type ScreenshotReadResponse } from "@/lib/screenshots/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export type { ScreenshotReadResponse };

// POST /api/app/screenshots/read — what one screenshot (raw body) shows; stores nothing
export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    const user = await requireUserOrNull();
    if (!user) return unauthorized();
    const reading: ScreenshotReadResponse = await readUploadedScreenshot(request);
    return Response.json(reading);
  } catch (err) {
    return toErrorResponse(err);
  }
}
