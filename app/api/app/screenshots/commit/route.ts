import { revalidatePath } from "next/cache";
import { sessionRoute } from "@/lib/auth/guards";
import { saveScreenshotObservations } from "@/lib/data/screenshots";
import { readSaveRequest } from "@/lib/screenshots/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export type { ScreenshotSaveOutcome } from "@/lib/data/screenshots";

// POST /api/app/screenshots/commit — save the confirmed observations (JSON) in one transaction
export const POST = sessionRoute(async ({ db, user, request, ip }) => {
  const outcome = await saveScreenshotObservations(db, { userId: user.id, input: await readSaveRequest(request), ip });
  revalidatePath("/", "layout"); // the dashboard is computed from the stored events: drop every cached view of them
  return Response.json(outcome);
});
