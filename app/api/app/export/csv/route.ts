import { clientIp } from "@/lib/api/handler";
import { requireUserOrNull, unauthorized } from "@/lib/auth/session";
import { downloadResponse, exportForDownload } from "@/lib/data/exports";
import { db } from "@/lib/db";
import { toErrorResponse } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/app/export/csv — the signed-in borrower's whole history as a CSV (formula cells escaped) download
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUserOrNull();
    if (!user) return unauthorized();
    return downloadResponse(await exportForDownload(db, { userId: user.id, format: "csv", ip: clientIp(request) }));
  } catch (err) {
    return toErrorResponse(err);
  }
}
