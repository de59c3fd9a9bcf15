import { db } from "@/lib/db";
import { unsubscribeWithToken } from "@/lib/mail/unsubscribe";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/email/unsubscribe?t=<signed token> — RFC 8058 one-click unsubscribe (List-Unsubscribe-Post).
// The signed token is the credential: mail clients post it without cookies, so no session or origin check applies.
export async function POST(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("t") ?? "";
  const done = await unsubscribeWithToken(db, token, process.env.NEXTAUTH_SECRET);
  return new Response(done ? "Unsubscribed" : "Not found", { status: done ? 200 : 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
