import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/api/handler";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { requireUserOrNull, unauthorized } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { saveScreenshotObservations, type ScreenshotSaveOutcome } from "@/lib/data/screenshots";
import { AppError, readJsonBody, toErrorResponse } from "@/lib/errors";
import { formatPath } from "@/lib/history/parse";
import { saveScreenshots } from "@/lib/screenshots/validation";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export type { ScreenshotSaveOutcome };

// POST /api/app/screenshots/commit — save the confirmed observations (JSON) in one transaction
export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    const user = await requireUserOrNull();
    if (!user) return unauthorized();
    const { value } = await readJsonBody(request, 256 * 1024);
    const parsed = saveScreenshots.safeParse(value);
    if (!parsed.success) {
      throw new AppError("validation_failed", "Some values cannot be saved.", {
        problems: parsed.error.issues.map((i) => `${formatPath(i.path) || "body"}: ${i.message}`),
      });
    }
    const outcome: ScreenshotSaveOutcome = await saveScreenshotObservations(db, { userId: user.id, input: parsed.data, ip: clientIp(request) });
    revalidatePath("/", "layout");
    return Response.json(outcome);
  } catch (err) {
    return toErrorResponse(err);
  }
}
