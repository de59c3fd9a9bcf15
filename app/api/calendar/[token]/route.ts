import { db } from "@/lib/db";
import { calendarResponse } from "@/lib/reminders/feed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/calendar/<token>.ics — the borrower's private reminder calendar (the token in the path is the credential)
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  return calendarResponse(db, (await params).token);
}
