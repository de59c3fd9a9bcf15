import { sessionRoute } from "@/lib/auth/guards";
import { readUploadedScreenshot } from "@/lib/screenshots/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export type { ScreenshotReadResponse } from "@/lib/screenshots/http";

// POST /api/app/screenshots/read — what one screenshot (raw body) shows, read on a worker thread; stores nothing
export const POST = sessionRoute(async ({ request }) => Response.json(await readUploadedScreenshot(request)));
