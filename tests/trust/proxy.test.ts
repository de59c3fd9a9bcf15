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
  it("gives every page a fresh nonce and no 'unsafe-inline' for scripts", async () => {
    const a = await proxy(at("/sign-in"));
    const b = await proxy(at("/sign-in"));
    const csp = a.headers.get("content-security-policy");
    expect(scriptSrc(csp)).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(scriptSrc(csp)).not.toContain("strict-dynamic");
    expect(scriptSrc(csp)).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(scriptSrc(b.headers.get("content-security-policy"))).not.toBe(scriptSrc(csp));
    // Next reads the nonce from the request's policy header, forwarded to the page.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("drops a malformed callbackUrl from next-auth's query, and a planted callback cookie from the request and the browser", async () => {
    const res = await proxy(at("/api/auth/signin/credentials?callbackUrl=http%3A%2F%2F%5B&json=true", { cookie: "next-auth.callback-url=http%3A%2F%2F%5B; next-auth.csrf-token=abc%7Cdef" }));
    expect(res.status).toBe(307);
    const again = new URL(res.headers.get("location")!);
    expect([again.pathname, again.searchParams.has("callbackUrl"), again.searchParams.get("json")]).toEqual(["/api/auth/signin/credentials", false, "true"]);
    expect(res.headers.get("set-cookie")).toMatch(/next-auth\.callback-url=;.*Max-Age=0/i);

    const cookieOnly = await proxy(at("/api/auth/session", { cookie: "next-auth.callback-url=http%3A%2F%2F%5B; next-auth.csrf-token=abc%7Cdef" }));
    expect(cookieOnly.headers.get("x-middleware-request-cookie")).toBe("next-auth.csrf-token=abc%7Cdef");
    expect(cookieOnly.headers.get("set-cookie")).toMatch(/next-auth\.callback-url=;.*Max-Age=0/i);
  });

  it("leaves a good callback URL alone", async () => {
    const res = await proxy(at("/api/auth/signin?callbackUrl=%2Fdashboard", { cookie: "next-auth.callback-url=http%3A%2F%2Flocalhost%3A3171%2Fdata" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("sends a visitor without a session cookie from a signed-in area to /sign-in", async () => {
    const res = await proxy(at("/what-if?x=1"));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://localhost:3171/sign-in");
    expect((await proxy(at("/dashboard", { cookie: "next-auth.session-token=x" }))).status).toBe(200);
  });

  it("refuses server-action bodies Next could not decode with a clear 4xx (delete-account answered 500 to these)", async () => {
    const action = (body: BodyInit | null, type: string, extra: Record<string, string> = {}) =>
      proxy(new NextRequest("http://localhost:3171/settings/privacy", { method: "POST", body, headers: { "next-action": "60075fa7aa90", "content-type": type, ...extra } }));
    const cases: [string, Promise<Response>, number][] = [
      ["an empty body", action("", "text/plain;charset=UTF-8"), 400],
      ["text that is not React's JSON", action("garbage", "text/plain;charset=UTF-8"), 400],
      ["a multipart body that does not parse", action("--x\r\nnot a part", "multipart/form-data; boundary=----nothing"), 400],
      ["a 2 MB password", action(`["${"x".repeat(2_000_000)}"]`, "text/plain;charset=UTF-8"), 413],
      ["a declared 5 MB body", action("[]", "text/plain;charset=UTF-8", { "content-length": String(5 * 1024 * 1024) }), 413],
    ];
    for (const [name, pending, status] of cases) {
      const res = await pending;
      expect(res.status, name).toBe(status);
      expect((await res.json()).error.code, name).toMatch(/^(bad_request|payload_too_large)$/);
    }
    // A browser's form post, with its mixed-case multipart boundary.
    const form = new FormData();
    form.set("0", '["$K1"]');
    form.set("1_password", "a-password");
    const encoded = new Response(form);
    const browserType = encoded.headers.get("content-type")!.replace(/boundary=.*/, "boundary=----WebKitFormBoundaryBhhB2fiV4A7wAsAM");
    const browserBody = (await encoded.text()).replace(new RegExp(encoded.headers.get("content-type")!.split("boundary=")[1]!, "g"), "----WebKitFormBoundaryBhhB2fiV4A7wAsAM");
    expect((await action(browserBody, browserType)).status).toBeLessThan(400);
    for (const ok of [await action(JSON.stringify(["$undefined", null]), "text/plain;charset=UTF-8"), await proxy(new NextRequest("http://localhost:3171/settings/privacy", { method: "POST", body: form, headers: { "next-action": "60075fa7aa90" } }))]) {
      expect(ok.status).toBeLessThan(400);
    }
  });
});
