/**
 * The page Content-Security-Policy, built per request by proxy.ts with a fresh nonce. Next.js
 * reads the nonce from the request's policy header and puts it on its own scripts (the bootstrap,
 * the flight payloads, the chunks), so no script needs 'unsafe-inline': an injected inline script
 * or event handler is refused. Next's chunks load from /_next/static ('self'). No 'strict-dynamic':
 * Chromium then runs any script element a script creates, an inline one included (tried: an
 * inline script appended from the page ran under 'nonce-…' 'strict-dynamic', not without it).
 * 'unsafe-eval' only in development (React's dev tooling). Styles keep 'unsafe-inline':
 * Recharts positions with inline styles, and a style cannot run code.
 * No "server-only": the proxy imports it.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
