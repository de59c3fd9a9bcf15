import { exportRoute } from "@/lib/export/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/app/export/json — the signed-in borrower's whole history as a history-v1 JSON download
export const GET = exportRoute("json");
