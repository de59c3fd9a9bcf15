import { createHash } from "node:crypto";
import { requireUserOrNull, unauthorized } from "@/lib/auth/session";
import { getDashboard } from "@/lib/data/dashboard";
import { toErrorResponse } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/app/dashboard — the signed-in borrower's dashboard data as JSON: exactly what the page
// renders (downsampled timeline, drops with their top reasons, today's signals, the latest
// observations), from the shared ExplanationCache. Cookie session only; it exists so the
// dashboard's data cost can be measured (npm run bench) apart from HTML.
export async function GET(request?: Request): Promise<Response> {
  try {
    const user = await requireUserOrNull();
    if (!user) return unauthorized();
    const { json, stamp } = await getDashboard(user.id);
    // Weak: the same version and computation give the same content, not necessarily the same bytes.
    // The user id is hashed so the tag names no account; it keeps two users' tags apart.
    const owner = createHash("sha256").update(user.id).digest("base64url").slice(0, 16);
    const etag = `W/"${owner}-${stamp.historyVersion}-${stamp.computedAt.getTime()}"`;
    // Private and revalidated every time: the browser may keep it, but must ask whether it is current.
    const headers = { "cache-control": "private, no-cache", etag, vary: "Cookie" };
    if (matches(request?.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
    // The stored JSON text as is: no parse and re-serialization per request.
    return new Response(json, { headers: { ...headers, "content-type": "application/json" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** If-None-Match compares weakly (RFC 9110 13.1.2): any listed tag, or "*". */
function matches(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || strip(t) === strip(etag));
}
