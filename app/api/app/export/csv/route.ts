import { exportRoute } from "@/lib/export/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/app/export/csv — the signed-in borrower's whole history as a CSV (formula cells escaped) download
export const GET = exportRoute("csv");
