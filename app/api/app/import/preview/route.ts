import { sessionRoute } from "@/lib/auth/guards";
import { previewImport } from "@/lib/data/imports";
import { readUpload } from "@/lib/import/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export type { ImportPreview } from "@/lib/data/imports";

// POST /api/app/import/preview — what importing the uploaded file (raw body) would do; stores nothing
export const POST = sessionRoute(async ({ db, user, request }) => Response.json(await previewImport(db, { userId: user.id, ...(await readUpload(request)) })), {
  work: "import",
});
