import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { cachedRead } from "@/lib/db/read-cache";
import { MAX_ACTIVE_TOKENS, MAX_TOKEN_NAME } from "@/lib/api-tokens/validation";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/data/audit";

/**
 * Personal API tokens for the sync API. A token is `chk_` + 32 random bytes in base64url; it is
 * shown once at creation and only its sha256 is stored, so a database leak yields no usable
 * token. sha256 (not a slow password hash) is right here: the secret has 256 bits of entropy,
 * and the lookup by hash must be a single indexed equality on every request.
 */

export const TOKEN_PREFIX = "chk_";
const SECRET_BYTES = 32;
const TOKEN_RE = /^chk_[A-Za-z0-9_-]{43}$/;
/** Characters of the secret kept in clear so the owner can tell tokens apart (48 of 256 bits). */
const VISIBLE_CHARS = 8;
/** lastUsedAt is a hint for the owner, not an audit trail: one write a minute per token is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiTokenSummary = {
  id: string;
  name: string;
  /** e.g. `chk_AbCdEfGh`: enough to recognise, useless to authenticate. */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export type ApiPrincipal = { userId: string; tokenId: string };

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const summarySelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** Creates a token and returns its secret, which is never retrievable again. */
export async function createApiToken(
  db: PrismaClient,
  { userId, name }: { userId: string; name: string },
): Promise<{ token: string; apiToken: ApiTokenSummary }> {
  const cleanName = name.trim();
  if (!cleanName || cleanName.length > MAX_TOKEN_NAME) {
    throw new AppError("bad_request", `The token name must be 1–${MAX_TOKEN_NAME} characters.`);
  }
  const token = TOKEN_PREFIX + randomBytes(SECRET_BYTES).toString("base64url");
  const prefix = token.slice(0, TOKEN_PREFIX.length + VISIBLE_CHARS);
  return db.$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: { userId, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError("forbidden", `At most ${MAX_ACTIVE_TOKENS} active tokens; revoke one first.`);
    }
    const apiToken = await tx.apiToken.create({
      data: { userId, name: cleanName, tokenHash: hashToken(token), prefix },
      select: summarySelect,
    });
    await recordAudit(tx, { userId, action: "token.created", detail: { tokenId: apiToken.id, name: cleanName, prefix } });
    return { token, apiToken };
  });
}

/** The user's tokens, newest first, revoked ones included (so the owner sees what was cut off). */
export async function listApiTokens(db: PrismaClient, { userId }: { userId: string }): Promise<ApiTokenSummary[]> {
  return db.apiToken.findMany({ where: { userId }, select: summarySelect, orderBy: { createdAt: "desc" } });
}

/** Revokes one of the user's tokens; another user's token id is "not found", not "forbidden". */
export async function revokeApiToken(db: PrismaClient, { userId, tokenId }: { userId: string; tokenId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId }, select: { id: true, revokedAt: true, prefix: true } });
    if (!token) throw new AppError("not_found", "No such token.");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { userId, action: "token.revoked", detail: { tokenId: token.id, prefix: token.prefix } });
  });
}

/**
 * The owner of a bearer token, or null when the token is malformed, unknown or revoked.
 * Touches lastUsedAt at most once a minute, with a conditional update so concurrent requests on
 * several instances write it once.
 */
export async function authenticateApiToken(db: PrismaClient, { token: bearer, now = new Date() }: { token: string; now?: Date }): Promise<ApiPrincipal | null> {
  // Malformed input never reaches the database.
  if (!TOKEN_RE.test(bearer)) return null;
  const tokenHash = hashToken(bearer);
  // From the read cache while the token's row is unchanged; unknown tokens are never kept.
  const row = await cachedRead(
    db,
    `api-token:${tokenHash}`,
    () => db.apiToken.findUnique({ where: { tokenHash }, select: { id: true, userId: true, revokedAt: true, lastUsedAt: true } }),
    { owner: (found) => found?.userId ?? null },
  );
  if (!row || row.revokedAt) return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return { userId: row.userId, tokenId: row.id };
}
