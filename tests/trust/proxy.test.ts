/**
 * proxy.ts: the per-request CSP nonce, the dropped callback URLs and the sign-in redirect.
 * The browser side (an injected inline script is blocked) is e2e/csp.spec.ts.
 */
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

// As `npm start` on port 3171 without NEXTAUTH_URL: the base URL comes from PORT.
process.env.PORT = "3171";
delete process.env.NEXTAUTH_URL;

const at = (path: string, headers: Record<string, string> = {}) => new NextRequest(`http://localhost:3171${path}`, { headers });
const scriptSrc = (csp: string | null) => csp?.split("; ").find((d) => d.startsWith("script-src")) ?? "";

describe("proxy", () => {
  it("gives every page a fresh nonce and no 'unsafe-inline' for scripts", () => {
    const a = proxy(at("/sign-in"));
    const b = proxy(at("/sign-in"));
    const csp = a.headers.get("content-security-policy");
    expect(scriptSrc(csp)).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(scriptSrc(csp)).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(scriptSrc(b.headers.get("content-security-policy"))).not.toBe(scriptSrc(csp));
    // Next reads the nonce from the request's policy header, forwarded to the page.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("drops a malformed callbackUrl from next-auth's query, and a planted callback cookie from the request and the browser", () => {
    const res = proxy(at("/api/auth/signin/credentials?callbackUrl=http%3A%2F%2F%5B&json=true", { cookie: "next-auth.callback-url=http%3A%2F%2F%5B; next-auth.csrf-token=abc%7Cdef" }));
    const rewrite = new URL(res.headers.get("x-middleware-rewrite")!);
    expect(rewrite.searchParams.has("callbackUrl")).toBe(false);
    expect(rewrite.searchParams.get("json")).toBe("true");
    expect(res.headers.get("x-middleware-request-cookie")).toBe("next-auth.csrf-token=abc%7Cdef");
    expect(res.headers.get("set-cookie")).toMatch(/next-auth\.callback-url=;.*Max-Age=0/i);
  });

  it("leaves a good callback URL alone", () => {
    const res = proxy(at("/api/auth/signin?callbackUrl=%2Fdashboard", { cookie: "next-auth.callback-url=http%3A%2F%2Flocalhost%3A3171%2Fdata" }));
    expect(res.headers.get("x-middleware-rewrite")).toBeNull();
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("sends a visitor without a session cookie from a signed-in area to /sign-in", () => {
    const res = proxy(at("/what-if?x=1"));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://localhost:3171/sign-in");
    expect(proxy(at("/dashboard", { cookie: "next-auth.session-token=x" })).status).toBe(200);
  });
});
