import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { toErrorResponse } from "@/lib/errors";
import { requireApiPrincipal, type ApiPrincipal } from "./auth";

export type ApiContext = { db: PrismaClient; request: Request; principal: ApiPrincipal };
export type RouteHandler = (request: Request) => Promise<Response>;

/**
 * Builds an authenticated /api/v1 handler. The Prisma client comes from `getDb` so the same
 * handler runs against the app's `db` in production and a fresh migrated database in tests.
 * Authentication happens before anything else (in particular before a body is read), every
 * failure goes through `toErrorResponse`, and responses are marked `no-store` because they
 * carry a borrower's financial data.
 */
export function apiHandler(getDb: () => PrismaClient, fn: (ctx: ApiContext) => Promise<Response>): RouteHandler {
  return async (request) => {
    let response: Response;
    try {
      const db = getDb();
      const principal = await requireApiPrincipal(db, request);
      response = await fn({ db, request, principal });
    } catch (err) {
      response = toErrorResponse(err);
    }
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}

/** The client address for the audit log: the one policy of lib/auth/client-ip.ts (X-Forwarded-For only behind TRUST_PROXY). */
export function clientIp(request: Request): string | null {
  return clientIpFrom(request.headers);
}
