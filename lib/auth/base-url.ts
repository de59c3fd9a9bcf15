/**
 * The app's public base URL. next-auth reads NEXTAUTH_URL on every request and, when it is unset,
 * falls back to http://localhost:3000 whatever port the server listens on: sign-in answers then
 * pointed at :3000. So when NEXTAUTH_URL is unset it is derived from PORT (default 3000), as the
 * README promises, before next-auth or the cookie settings read it.
 * No "server-only": pure, and the proxy and scripts use it too.
 */
export function baseUrlFrom(env: Record<string, string | undefined>): string {
  const configured = env.NEXTAUTH_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const port = env.PORT?.trim();
  return `http://localhost:${port && /^\d{1,5}$/.test(port) ? port : "3000"}`;
}

/** Sets NEXTAUTH_URL from PORT when it is unset; returns the base URL in effect. */
export function ensureBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const url = baseUrlFrom(env);
  if (!env.NEXTAUTH_URL?.trim()) env.NEXTAUTH_URL = url;
  return url;
}
