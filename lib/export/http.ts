import "server-only";
import { sessionRoute } from "@/lib/auth/guards";
import { exportForDownload, type ExportFile, type ExportFormat } from "@/lib/data/exports";

/** The route handler of one download format: the signed-in borrower's whole history, audited. */
export function exportRoute(format: ExportFormat) {
  return sessionRoute(async ({ db, user, ip }) => downloadResponse(await exportForDownload(db, { userId: user.id, format, ip })), { work: "export" });
}

/** The file as an attachment: never cached, never sniffed into something a browser would run. */
export function downloadResponse(file: ExportFile): Response {
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
