import { NextResponse, type NextRequest } from "next/server";

// Both names next-auth may use (the __Secure- prefix when NEXTAUTH_URL is https).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * A convenience only: visitors with no session cookie at all go straight to /sign-in instead of
 * rendering a page that would redirect anyway. It does not verify the cookie; every page, action
 * and route handler calls requireUser() itself (middleware can be bypassed, CVE-2025-29927).
 */
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = "";
  return NextResponse.redirect(url);
}

// Every signed-in section (each folder of app/(app)); tests/proxy.test.ts fails when one is missing.
export const config = {
  matcher: ["/dashboard/:path*", "/data/:path*", "/drops/:path*", "/profile/:path*", "/recovery/:path*", "/settings/:path*", "/what-if/:path*"],
};
