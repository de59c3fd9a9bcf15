/**
 * Where next-auth may send a browser after signing in or out. next-auth v4's default redirect
 * callback runs `new URL(callbackUrl)` on any value that does not start with "/", so a malformed
 * value in the query, the body or a planted `next-auth.callback-url` cookie threw, answered 500
 * on every later sign-in attempt of that browser, and left it unable to sign in. Here a value is
 * kept only when it is a path on this site or an absolute URL of this origin; anything else is
 * dropped (the proxy removes it from the request, the redirect callback falls back to the base).
 * No "server-only": the proxy imports it.
 */
export const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"] as const;

const MAX_LENGTH = 2048;

/** The value as a same-site destination, or null when it is malformed or points elsewhere. */
export function safeCallbackUrl(value: string | null | undefined, baseUrl: string): string | null {
  if (!value || value.length > MAX_LENGTH || /[\u0000-\u001f\u007f\\]/.test(value)) return null;
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return null;
  }
  // "//evil.example" and "/\evil" are other hosts to a browser, not paths.
  if (value.startsWith("/")) return value.startsWith("//") ? null : `${base.origin}${value}`;
  try {
    const url = new URL(value);
    return url.origin === base.origin ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The redirect callback for next-auth: never throws, never leaves this origin. */
export async function redirectCallback({ url, baseUrl }: { url: string; baseUrl: string }): Promise<string> {
  return safeCallbackUrl(url, baseUrl) ?? baseUrl;
}
