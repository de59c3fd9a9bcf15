import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { setSessionCookie } from "@/lib/auth/reissue";
import { nowSeconds } from "@/lib/auth/session-lifetime";
import { throttleFor } from "@/lib/auth/throttle-core";
import { recordAudit } from "@/lib/data/audit";
import { startSession } from "@/lib/data/sessions";
import { createDemoBorrower } from "./create";


export type DemoStart = { started: true; userId: string } | { started: false; reason: "rateLimited" };

/**
 * "Try the demo": a fresh private demo borrower for this visitor, signed in on this browser at
 * once (a server-side session and its cookie, exactly as a sign-in makes them). Counted against
 * the demo budgets first, since each one stores two years of events.
 */
export async function startDemo(db: PrismaClient, options: { ip: string | null }): Promise<DemoStart> {
  if (!(await throttleFor(db).allowDemo(options.ip))) return { started: false, reason: "rateLimited" };
  const demo = await createDemoBorrower(db);
  const authAt = nowSeconds();
  const sessionId = await startSession(db, { userId: demo.userId, now: new Date(authAt * 1000) });
  await recordAudit(db, { userId: demo.userId, action: "signin", ip: options.ip, detail: { demo: true } });
  await setSessionCookie({ userId: demo.userId, email: demo.email, name: demo.name, sessionVersion: demo.sessionVersion, authAt, sessionId });
  return { started: true, userId: demo.userId };
}
