/**
 * Session lifetimes, as pure functions of the JWT's claims and the clock (seconds since epoch).
 *
 * Absolute: 7 days from sign-in (`authAt`), however active the borrower is.
 * Idle: 30 minutes without activity (`lastSeen`). The app holds income, employer and debts, the
 * kind of data NIST SP 800-63B's AAL2 guards with a 30-minute inactivity limit; a borrower who
 * walks away from a shared computer should not leave that open for hours. `lastSeen` is rewritten
 * at most every 5 minutes, and the browser reports activity at most once a minute
 * (components/auth/session-keep-alive.tsx), so a session ends 24 to 30 minutes after the last
 * activity.
 */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
export const SESSION_IDLE_SECONDS = 30 * 60;
export const LAST_SEEN_REFRESH_SECONDS = 5 * 60;

export type SessionClaims = { authAt?: number; lastSeen?: number };
export type SessionState = "active" | "expired" | "idle";

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** "expired" past the absolute lifetime (or without a sign-in time), "idle" past the idle one. */
export function sessionState(claims: SessionClaims, now: number): SessionState {
  if (!claims.authAt || now - claims.authAt > SESSION_MAX_AGE_SECONDS || claims.authAt > now + 60) return "expired";
  // Tokens minted before lastSeen existed count from their sign-in.
  const seen = claims.lastSeen ?? claims.authAt;
  if (now - seen > SESSION_IDLE_SECONDS) return "idle";
  return "active";
}

/**
 * The `lastSeen` a token should carry after a request at `now`: unchanged while fresh (so the
 * cookie is not rewritten on every request), `now` once it is 5 minutes old, and never for a token
 * that has already gone idle or expired — an idle session must stay idle, not be revived by the
 * next request that happens to reach next-auth.
 */
export function nextLastSeen(claims: SessionClaims, now: number): number | undefined {
  if (sessionState(claims, now) !== "active") return claims.lastSeen;
  const seen = claims.lastSeen ?? claims.authAt!;
  return now - seen >= LAST_SEEN_REFRESH_SECONDS ? now : seen;
}
