import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { unsubscribeEmail } from "@/lib/data/notifications";
import { verifyUnsubscribeToken, type UnsubscribeScope } from "./unsubscribe-token";

/** Turns the token's e-mail off; null when the token is not valid (or its user is gone). */
export async function unsubscribeWithToken(db: PrismaClient, token: string, secret: string | undefined): Promise<UnsubscribeScope | null> {
  if (!secret) return null;
  const scope = verifyUnsubscribeToken(token, secret);
  if (!scope) return null;
  const exists = await db.user.count({ where: { id: scope.userId } });
  if (!exists) return null;
  await unsubscribeEmail(db, scope);
  return scope;
}
