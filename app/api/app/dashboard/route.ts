import { sessionRoute } from "@/lib/auth/guards";
import { dashboardResponse } from "@/lib/dashboard/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/app/dashboard — the signed-in borrower's dashboard data as JSON (downsampled timeline,
// drops with their top reasons, today's signals, the latest observations), with an ETag. Cookie
// session only; it exists so the dashboard's data cost can be measured (npm run bench) apart from HTML.
export const GET = sessionRoute(({ db, user, request }) => dashboardResponse(db, { userId: user.id, request }));
