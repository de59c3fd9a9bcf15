import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError, errorBody, isAppError } from "@/lib/errors";

/**
 * Idempotency-Key for unsafe requests, with the semantics of Stripe and
 * draft-ietf-httpapi-idempotency-key-header:
 * - the first request with a key runs; its response (status and JSON body) is stored;
 * - a retry with the same key and the same request replays that response,
 *   marked `Idempotent-Replayed: true`;
 * - the same key with a different request (method, path or body) -> 422;
 * - the same key while the first request still runs -> 409;
 * - a 5xx, a 429 (the borrower's work slot was busy: "try later", not an answer) or a crash is
 *   not stored: the claim is released so a retry can run;
 * - records expire after 24 hours.
 *
 * Several app instances share one PostgreSQL, so the key is claimed by an INSERT that the unique
 * (scope, key) index arbitrates (`createMany({ skipDuplicates })` is Prisma's
 * `INSERT ... ON CONFLICT DO NOTHING`): exactly one request wins the claim, with no window between
 * a read and a write.
 */

export const IDEMPOTENCY_HEADER = "idempotency-key";
export const REPLAYED_HEADER = "Idempotent-Replayed";
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** A claim still in flight after this long belongs to a crashed instance; a retry may take it over. */
export const ABANDONED_AFTER_MS = 15 * 60_000;
const MAX_KEY_LENGTH = 255;
const PURGE_EVERY_MS = 60_000;

export type IdempotencyScope = { scope: string; userId: string; tokenId: string | null };
export type HandlerResult = { status: number; body: unknown };

/**
 * The key from the request, or null when none was sent. The draft sends it as a structured-field
 * string (`"abc"`); Stripe-style clients send it bare. Both are accepted.
 */
export function readIdempotencyKey(request: Request): string | null {
  let raw = request.headers.get(IDEMPOTENCY_HEADER);
  if (raw === null) return null;
  raw = raw.trim();
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) raw = raw.slice(1, -1);
  if (raw.length === 0 || raw.length > MAX_KEY_LENGTH || !/^[\x20-\x7e]+$/.test(raw)) {
    throw new AppError("invalid_idempotency_key", `Idempotency-Key must be 1–${MAX_KEY_LENGTH} printable ASCII characters.`);
  }
  return raw;
}

/** What makes two requests "the same": method, path with query, and the exact body bytes. */
export function requestFingerprint(method: string, path: string, body: Uint8Array): string {
  return createHash("sha256").update(`${method.toUpperCase()}\n${path}\n`).update(body).digest("hex");
}

function pathOf(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

function json(result: HandlerResult): Response {
  return Response.json(result.body, { status: result.status });
}

/**
 * The stored answer, byte for byte: the body is kept as its JSON text (a JSON string in the
 * column), because a jsonb value would come back with its keys reordered.
 */
function replay(status: number, text: string): Response {
  return new Response(text, { status, headers: { "content-type": "application/json", [REPLAYED_HEADER]: "true" } });
}

/** Deletes expired records of every scope; cheap thanks to the createdAt index. */
export async function purgeExpiredIdempotencyRecords(db: PrismaClient, now = new Date()): Promise<number> {
  const { count } = await db.idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } } });
  return count;
}

let lastPurge = 0;

/**
 * Runs `run` at most once per (scope, key) within 24 hours and answers retries from the stored
 * result. Without an Idempotency-Key header it simply runs. AppErrors below 500 thrown by `run`
 * (such as a 422 for an invalid document) are stored like any other answer: the same request
 * would get the same answer again.
 */
export async function withIdempotency(
  db: PrismaClient,
  request: Request,
  scope: IdempotencyScope,
  body: Uint8Array,
  run: () => Promise<HandlerResult>,
): Promise<Response> {
  const key = readIdempotencyKey(request);
  if (key === null) return json(await run());

  const method = request.method.toUpperCase();
  const path = pathOf(request);
  const requestHash = requestFingerprint(method, path, body);
  const now = new Date();
  if (now.getTime() - lastPurge > PURGE_EVERY_MS) {
    lastPurge = now.getTime();
    await purgeExpiredIdempotencyRecords(db, now);
  }

  const claimed = await claim(db, { ...scope, key, method, path, requestHash }, now);
  if (claimed.kind === "replay") return replay(claimed.status, claimed.text);
  const recordId = claimed.id;
  let result: HandlerResult;
  try {
    result = await run();
  } catch (err) {
    if (isAppError(err) && err.status < 500 && err.status !== 429) {
      result = { status: err.status, body: errorBody(err) };
    } else {
      await release(db, recordId);
      throw err;
    }
  }
  if (result.status >= 500) {
    await release(db, recordId);
    return json(result);
  }
  // updateMany, not update: if the claim was taken over as abandoned, this writes nothing
  // instead of failing a request whose work is already done.
  await db.idempotencyRecord.updateMany({
    where: { id: recordId, requestHash },
    data: { status: result.status, responseBody: JSON.stringify(result.body), completedAt: new Date() },
  });
  return json(result);
}

type Claim = IdempotencyScope & { key: string; method: string; path: string; requestHash: string };

type ClaimOutcome = { kind: "claimed"; id: string } | { kind: "replay"; status: number; text: string };

/** Takes the key for this request, or finds the stored answer; throws the 409 / 422 refusals. */
async function claim(db: PrismaClient, c: Claim, now: Date): Promise<ClaimOutcome> {
  // A released claim can vanish between our failed insert and our read: then simply try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    await db.idempotencyRecord.deleteMany({
      where: {
        scope: c.scope,
        key: c.key,
        OR: [
          { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } },
          { status: null, createdAt: { lt: new Date(now.getTime() - ABANDONED_AFTER_MS) } },
        ],
      },
    });
    const id = crypto.randomUUID();
    const { count } = await db.idempotencyRecord.createMany({
      data: [{ id, userId: c.userId, tokenId: c.tokenId, scope: c.scope, key: c.key, method: c.method, path: c.path, requestHash: c.requestHash, createdAt: now }],
      skipDuplicates: true,
    });
    if (count === 1) return { kind: "claimed", id };

    const existing = await db.idempotencyRecord.findUnique({ where: { scope_key: { scope: c.scope, key: c.key } } });
    if (!existing) continue;
    if (existing.requestHash !== c.requestHash) {
      throw new AppError("idempotency_key_reused", "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
    }
    if (existing.status === null) {
      throw new AppError("idempotency_in_flight", "A request with this Idempotency-Key is still being processed. Retry later.", {
        headers: { "Retry-After": "2" },
      });
    }
    const text = typeof existing.responseBody === "string" ? existing.responseBody : JSON.stringify(existing.responseBody);
    return { kind: "replay", status: existing.status, text };
  }
  throw new AppError("idempotency_in_flight", "This Idempotency-Key is contended. Retry later.", { headers: { "Retry-After": "2" } });
}

async function release(db: PrismaClient, id: string): Promise<void> {
  await db.idempotencyRecord.deleteMany({ where: { id } }).catch((err: unknown) => {
    // The original error matters more; an unreleased claim expires as abandoned anyway.
    console.error("Could not release an idempotency claim", err);
  });
}
