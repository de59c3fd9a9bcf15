import { db } from "@/lib/db";
import { unsubscribeWithToken } from "@/lib/mail/unsubscribe";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/email/unsubscribe?t=<signed token> — RFC 8058 one-click unsubscribe (List-Unsubscribe-Post),
// and the unsubscribe page's button. The signed token is the credential: mail clients post it
// without cookies and from no page of ours, so no session or origin check applies; it can only turn e-mail off.
export async function POST(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("t") ?? "";
  const done = await unsubscribeWithToken(db, token, process.env.NEXTAUTH_SECRET);
  const fromPage = !(await request.text().catch(() => "")).includes("List-Unsubscribe=One-Click");
  const headers = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  // The page's form gets the page back, saying it is done; a mail client gets a plain answer.
  if (fromPage) return new Response(null, { status: 303, headers: { ...headers, Location: done ? "/unsubscribe?done=1" : "/unsubscribe" } });
  return new Response(done ? "Unsubscribed" : "Not found", { status: done ? 200 : 404, headers });
}
