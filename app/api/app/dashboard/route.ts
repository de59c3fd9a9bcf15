import { requireUserOrNull, unauthorized } from "@/lib/auth/session";
import { explain } from "@/lib/core";
import { getDashboard } from "@/lib/data/dashboard";
import { listObservations, loadHistory } from "@/lib/data/history";
import { db } from "@/lib/db";
import { toErrorResponse } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/app/dashboard — the signed-in borrower's dashboard data as JSON: the overview
// (timeline, assessment), the observations table and the drops the page renders. Cookie session
// only; it exists so the dashboard's data cost can be measured (npm run bench) apart from HTML.
export async function GET(): Promise<Response> {
  try {
    const user = await requireUserOrNull();
    if (!user) return unauthorized();
    const [dashboard, observations, history] = await Promise.all([getDashboard({ userId: user.id }), listObservations(db, user.id), loadHistory(db, user.id)]);
    const { drops } = explain(history);
    return Response.json({ dashboard, observations, drops }, { headers: { "cache-control": "private, no-store" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
