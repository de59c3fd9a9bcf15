import "server-only";
import { createHash } from "node:crypto";
import { getDashboard } from "@/lib/data/dashboard";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The dashboard data as JSON with a weak ETag: exactly what the page renders, from the shared
 * ExplanationCache. Private and revalidated every time: the browser may keep it, but must ask
 * whether it is current, and gets a 304 when it is.
 */
export async function dashboardResponse(db: PrismaClient, { userId, request }: { userId: string; request: Request }): Promise<Response> {
  const { json, stamp } = await getDashboard(db, { userId });
  // Weak: the same version and computation give the same content, not necessarily the same bytes.
  // The user id is hashed so the tag names no account; it keeps two users' tags apart.
  const owner = createHash("sha256").update(userId).digest("base64url").slice(0, 16);
  const etag = `W/"${owner}-${stamp.historyVersion}-${stamp.computedAt.getTime()}"`;
  const headers = { "cache-control": "private, no-cache", etag, vary: "Cookie" };
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  // The stored JSON text as is: no parse and re-serialization per request.
  return new Response(json, { headers: { ...headers, "content-type": "application/json" } });
}

/** If-None-Match compares weakly (RFC 9110 13.1.2): any listed tag, or "*". */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || strip(t) === strip(etag));
}
