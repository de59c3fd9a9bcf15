/**
 * The client address used for throttling and the activity log.
 *
 * A Next route handler sees a Web `Request`, not the socket. `next start` fills X-Forwarded-For
 * with the socket address only when the client sent none (`??=`), so without a proxy in front the
 * header is whatever the client chose: trusting it would let an attacker rotate addresses past
 * the per-IP limit. Hence:
 * - TRUST_PROXY=1 (or N): we sit behind N proxies we run, each appending the address it saw; the
 *   N-th entry from the right is the one our outermost proxy saw, so client-forged entries on the
 *   left are ignored.
 * - otherwise: no address (null). The per-IP bucket is then skipped rather than shared by all
 *   clients: one constant bucket would let a single attacker lock every borrower out at once.
 *   The per-account bucket still applies.
 */
export type HeaderSource = { get(name: string): string | null } | Record<string, unknown> | undefined;

function header(source: HeaderSource, name: string): string | null {
  if (!source) return null;
  if (typeof (source as { get?: unknown }).get === "function") return (source as { get(n: string): string | null }).get(name);
  const value = (source as Record<string, unknown>)[name];
  return typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value.join(",") : null;
}

/** How many proxies of ours stand in front of the app (0 when TRUST_PROXY is unset or not a number). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return 0;
  if (raw === "true") return 1;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 && n <= 10 ? n : 0;
}

// An address is at most 45 characters (IPv6 with an IPv4 tail); anything else is not one.
const ADDRESS = /^[0-9a-fA-F:.]{2,45}$/;

export function clientIpFrom(source: HeaderSource, env: Record<string, string | undefined> = process.env): string | null {
  const hops = trustedProxyHops(env);
  if (hops === 0) return null;
  const entries = (header(source, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const candidate = entries[Math.max(entries.length - hops, 0)]!;
  return ADDRESS.test(candidate) ? candidate : null;
}
