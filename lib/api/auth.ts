import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authenticateApiToken, type ApiPrincipal } from "@/lib/data/api-tokens";
import { AppError } from "@/lib/errors";

export type { ApiPrincipal };

const REALM = 'Bearer realm="credit-health"';

/**
 * The one authentication step of every /api/v1 handler: `Authorization: Bearer chk_…` -> the
 * token's owner. Refusals carry WWW-Authenticate as RFC 6750 asks, with `error="invalid_token"`
 * only when a token was presented, so clients can tell "log in" from "your token is dead".
 * Unknown and revoked tokens get the same answer: the response must not reveal which it was.
 */
export async function requireApiPrincipal(db: PrismaClient, request: Request): Promise<ApiPrincipal> {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
  if (!match) {
    throw new AppError("unauthorized", "Send a personal API token as `Authorization: Bearer <token>`.", {
      headers: { "WWW-Authenticate": REALM },
    });
  }
  const principal = await authenticateApiToken(db, { token: match[1]! });
  if (!principal) {
    throw new AppError("unauthorized", "The API token is invalid or has been revoked.", {
      headers: { "WWW-Authenticate": `${REALM}, error="invalid_token"` },
    });
  }
  return principal;
}
