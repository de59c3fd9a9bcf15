import "server-only";
import { sessionRoute } from "@/lib/auth/guards";
import { downloadResponse, exportForDownload, type ExportFormat } from "@/lib/data/exports";

/** The route handler of one download format: the signed-in borrower's whole history, audited. */
export function exportRoute(format: ExportFormat) {
  return sessionRoute(async ({ db, user, ip }) => downloadResponse(await exportForDownload(db, { userId: user.id, format, ip })));
}
