import { createHmac, timingSafeEqual } from "node:crypto";
import { isReminderKind, type ReminderKind } from "@/lib/reminders/kinds";

/**
 * The one-click unsubscribe token: `<payload>.<mac>`, where payload is base64url of
 * `userId:kind` and mac an HMAC-SHA256 under NEXTAUTH_SECRET. It needs no sign-in (RFC 8058 mail
 * clients POST it without cookies) and no database row; it can only ever turn e-mail off.
 */
export type UnsubscribeScope = { userId: string; kind: ReminderKind | "all" };

const mac = (payload: string, secret: string) => createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url");

export function unsubscribeToken(scope: UnsubscribeScope, secret: string): string {
  const payload = Buffer.from(`${scope.userId}:${scope.kind}`, "utf8").toString("base64url");
  return `${payload}.${mac(payload, secret)}`;
}

/** The scope of a valid token, or null (malformed, forged, or signed with another secret). */
export function verifyUnsubscribeToken(token: string, secret: string): UnsubscribeScope | null {
  if (token.length > 400) return null;
  const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const want = Buffer.from(mac(m[1]!, secret));
  const got = Buffer.from(m[2]!);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  const [userId, kind] = Buffer.from(m[1]!, "base64url").toString("utf8").split(":");
  if (!userId || !(kind === "all" || isReminderKind(kind))) return null;
  return { userId, kind };
}
