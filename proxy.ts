import { NextResponse, type NextRequest } from "next/server";
import { baseUrlFrom } from "@/lib/auth/base-url";
import { CALLBACK_COOKIES, safeCallbackUrl } from "@/lib/auth/callback-url";
import { checkActionRequest } from "@/lib/security/action-request";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";

// Both names next-auth may use (the __Secure- prefix when NEXTAUTH_URL is https).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
/** Every section of app/(app) (tests/proxy.test.ts fails when one is missing). */
export const SIGNED_IN_AREAS = ["/dashboard", "/drops", "/recovery", "/data", "/settings", "/profile", "/what-if", "/limit-change", "/notifications"];

const inArea = (path: string) => SIGNED_IN_AREAS.some((a) => path === a || path.startsWith(`${a}/`));

/**
 * Four things, none of them an identity check (every page, action and route handler calls
 * requireUser() itself: middleware can be bypassed, CVE-2025-29927):
 * - every page gets a Content-Security-Policy with a fresh nonce (lib/security/csp.ts);
 * - a malformed callback URL (query or planted cookie) is dropped before next-auth sees it;
 * - visitors with no session cookie at all go straight to /sign-in from the signed-in areas;
 * - a server-action request whose body cannot be read is refused with a clear 4xx.
 */
export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  // A server-action body Next could not decode (or over its limit) is a 4xx here, not a 500 there.
  const refused = await checkActionRequest(request);
  if (refused) return refused;
  if (inArea(path) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = "";
    return NextResponse.redirect(url);
  }

  const headers = new Headers(request.headers);
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production" });
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);

  const dropped = path.startsWith("/api/auth/") ? dropBadCallbackUrls(request, headers) : { url: null, cookies: [] };
  // A bad query parameter: the browser asks again without it (307 keeps the method and body). A
  // rewrite would not do: next-auth reads the query of the URL the browser sent.
  const response = dropped.url ? NextResponse.redirect(dropped.url, 307) : NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  // The browser forgets a planted cookie too, or every later sign-in would carry it again.
  for (const name of dropped.cookies) response.cookies.set(name, "", { path: "/", maxAge: 0 });
  return response;
}

/** Removes callback URLs next-auth would choke on (or send elsewhere) from the query and the cookie header. */
function dropBadCallbackUrls(request: NextRequest, headers: Headers): { url: URL | null; cookies: string[] } {
  const base = baseUrlFrom(process.env);
  let url: URL | null = null;
  const query = request.nextUrl.searchParams.get("callbackUrl");
  if (query !== null && !safeCallbackUrl(query, base)) {
    url = request.nextUrl.clone();
    url.searchParams.delete("callbackUrl");
  }
  const bad = CALLBACK_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && !safeCallbackUrl(safeDecode(value), base);
  });
  if (bad.length) {
    const kept = request.cookies.getAll().filter((c) => !bad.includes(c.name as (typeof CALLBACK_COOKIES)[number]));
    headers.set("cookie", kept.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; "));
  }
  return { url, cookies: bad };
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

// Every signed-in section (each folder of app/(app)); tests/proxy.test.ts fails when one is missing.
export const config = {
  matcher: [
    {
      // Pages and next-auth's endpoints; not static files, images or the other API routes.
      source: "/((?!_next/static|_next/image|icon.svg|favicon.ico|api/(?!auth/)).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
