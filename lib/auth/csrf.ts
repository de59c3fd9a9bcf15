import { AppError } from "@/lib/errors";
import { trustedProxyHops } from "@/lib/auth/client-ip";

/**
 * CSRF guard for every cookie-authenticated route handler that changes state (POST, PUT, PATCH,
 * DELETE outside /api/auth, which has next-auth's own token, and /api/v1, which takes bearer
 * tokens a browser never sends on its own). Server actions get the same check from Next itself.
 *
 * The request's Origin — or, when a browser omits it, the Referer's origin — must be this app:
 * the Host the request came to (X-Forwarded-Host instead only behind a trusted proxy), or
 * NEXTAUTH_URL's host. A request with neither header is refused: every browser sends Origin on a
 * cross-site POST, and our own pages always send it, so its absence means a non-browser client
 * that should use the bearer-token API. Throws AppError("forbidden") → 403.
 */
export function assertSameOrigin(request: Request, env: Record<string, string | undefined> = process.env): void {
  const source = originOf(request.headers.get("origin")) ?? originOf(request.headers.get("referer"));
  if (!source || !allowedHosts(request, env).has(source.host.toLowerCase())) {
    throw new AppError("forbidden", "Cross-site request refused.");
  }
}

function originOf(value: string | null): URL | null {
  // "null" is what sandboxed frames and some redirects send: never ours.
  if (!value || value === "null") return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

function allowedHosts(request: Request, env: Record<string, string | undefined>): Set<string> {
  const hosts = new Set<string>();
  const add = (h: string | null | undefined) => {
    const v = h?.split(",")[0]?.trim().toLowerCase();
    if (v) hosts.add(v);
  };
  add(request.headers.get("host"));
  if (trustedProxyHops(env) > 0) add(request.headers.get("x-forwarded-host"));
  const configured = originOf(env.NEXTAUTH_URL ?? null);
  if (configured) add(configured.host);
  return hosts;
}
