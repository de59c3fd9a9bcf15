/**
 * Bad input, part 2: POST /api/v1/history and the cookie import service, driven with random and
 * hostile bodies against a real migrated database. Every answer must be a 4xx with the app's
 * error shape (or a 200 for a body that happens to be valid), never a 500, and the borrower's
 * stored events must be exactly what they were unless the request was a valid import.
 */
import fc from "fast-check";
import iconv from "iconv-lite";
import { expect, it } from "vitest";
import { historyHandlers } from "@/lib/api/v1/history";
import { apiRequest, sampleDocument, userWithToken } from "@/lib/api/v1/test-helpers";
import { commitImport, previewImport } from "@/lib/data/imports";
import { describeDatabases } from "@/lib/db/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Every stored event of the user, as comparable rows (the payload and hash catch any rewrite). */
async function snapshot(db: PrismaClient, userId: string) {
  const rows = await db.event.findMany({ where: { userId }, select: { eventId: true, hash: true, payload: true, updatedAt: true }, orderBy: { eventId: "asc" } });
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { currency: true, product: true, scoreMin: true, scoreMax: true } });
  return { rows, user };
}

const head = `"format":"credit-health-history","version":1,"borrower":{"currency":"CNY","product":"Jiebei","scoreScale":{"min":350,"max":950}}`;
const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

/** Bodies a broken or malicious client might send; none of them is a valid document. */
const garbageBody: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  fc.string().map((s) => new TextEncoder().encode(s)),
  fc.jsonValue().map((v) => new TextEncoder().encode(JSON.stringify(v) ?? "null")),
  // A document whose one event carries an out-of-range or wrongly typed number.
  fc
    .tuple(
      fc.constantFrom("borrow", "repayment", "limit", "score", "asset"),
      fc.oneof(fc.constantFrom("1e400", "-1", "-0.001", "1e13", "99999999999999999999", "\"5000\"", "null", "NaN", "[]", deep(1000))),
    )
    .map(([type, n]) => {
      const field = { borrow: "amount", repayment: "amount", limit: "limit", score: "score", asset: "balance" }[type];
      return new TextEncoder().encode(`{${head},"events":[{"id":"fz","type":"${type}","date":"2025-01-01","${field}":${n}}]}`);
    }),
);

/** The sample document with unstorable text in one event's text field or id, or a score scale past int4. */
const poisonedDocument = fc.oneof(
  fc
    .tuple(
      fc.nat(9),
      fc.constantFrom("id", "note", "source"),
      fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom("\u0000", "\ud800", "\udfff"), fc.string({ maxLength: 6 })).map((p) => p.join("")),
    )
    .map(([i, field, text]) => {
      const doc = sampleDocument() as { events: Record<string, unknown>[] };
      doc.events[i]![field] = text;
      return { doc, field: `events[${i}].${field}` };
    }),
  fc.constantFrom(2 ** 31, 3e9, 1e15).map((max) => ({ doc: { ...sampleDocument(), borrower: { ...sampleDocument().borrower, scoreScale: { min: 0, max } } }, field: "borrower.scoreScale.max" })),
);

/** Garbage, plus the sample document in an encoding the API does not speak (it requires UTF-8). */
const hostileBody: fc.Arbitrary<Uint8Array> = fc.oneof(
  garbageBody,
  fc.constantFrom("utf16le", "utf16be", "gbk").map((enc) => new Uint8Array(iconv.encode(JSON.stringify({ ...sampleDocument(), borrower: { ...sampleDocument().borrower, product: "借呗" } }), enc))),
);

describeDatabases("sync API and import service under bad input", (ctx) => {
  const post = (token: string, body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
    historyHandlers(() => ctx().prisma).POST(apiRequest("/api/v1/history", { token, body: body as string, headers }));

  it("answers every hostile body with a 4xx in the error shape and leaves stored events untouched", async () => {
    const db = ctx().prisma;
    const { user, token } = await userWithToken(db);
    expect((await post(token, JSON.stringify(sampleDocument()))).status).toBe(200);
    const before = await snapshot(db, user.id);
    await fc.assert(
      fc.asyncProperty(hostileBody, fc.boolean(), async (bytes, withKey) => {
        const headers: Record<string, string> = withKey ? { "Idempotency-Key": `fz-${Math.random()}` } : {};
        const res = await post(token, new Blob([bytes as BlobPart]) as unknown as string, headers);
        const body = await res.json();
        // A random body could in principle be a valid document that changes nothing; anything else is a 4xx.
        if (res.status === 200) return;
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(typeof body.error.code).toBe("string");
        expect(typeof body.error.message).toBe("string");
      }),
      { numRuns: 60 },
    );
    expect(await snapshot(db, user.id)).toEqual(before);
  });

  it("refuses a 100,000-deep array body and a 100,000-deep event field with 422, storing nothing", async () => {
    const db = ctx().prisma;
    const { user, token } = await userWithToken(db);
    await post(token, JSON.stringify(sampleDocument()));
    const before = await snapshot(db, user.id);
    for (const body of [deep(100_000), `{${head},"events":[{"type":"borrow","date":"2025-01-01","amount":${deep(100_000)}}]}`]) {
      const res = await post(token, body);
      expect(res.status).toBe(422);
      expect((await res.json()).error.code).toBe("validation_failed");
    }
    expect(await snapshot(db, user.id)).toEqual(before);
  });

  it("refuses 20 MB+ bodies with 413 whether declared, streamed or a lie about Content-Length", async () => {
    const db = ctx().prisma;
    const { user, token } = await userWithToken(db);
    await post(token, JSON.stringify(sampleDocument()));
    const before = await snapshot(db, user.id);
    const big = `{${head},"events":[${'{"type":"activity","date":"2025-01-01","kind":"login"},'.repeat(400_000)}{"type":"activity","date":"2025-01-01","kind":"login"}]}`;
    expect(big.length).toBeGreaterThan(20 * 1024 * 1024);
    // Declared honestly, then declared small but sent large (the reader must count what arrives).
    for (const headers of [{}, { "content-length": "100" }] as Record<string, string>[]) {
      const res = await post(token, big, headers);
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe("payload_too_large");
    }
    expect(await snapshot(db, user.id)).toEqual(before);
  });

  it("odd headers (any Idempotency-Key, nonsense Content-Length) get a 4xx or a normal answer, never a 5xx", async () => {
    const db = ctx().prisma;
    const { user, token } = await userWithToken(db);
    const body = JSON.stringify(sampleDocument());
    // Header values as HTTP can carry them (latin-1, no CR/LF/NUL): Request itself refuses others.
    const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 400 });
    await fc.assert(
      fc.asyncProperty(headerValue, fc.constantFrom("-1", "abc", "1e99", "0", "99999999999999999999"), async (key, length) => {
        const res = await post(token, body, { "Idempotency-Key": key, "content-length": length });
        expect(res.status, await res.clone().text()).toBeLessThan(500);
        if (res.status !== 200) expect((await res.json()).error.code).toMatch(/^(invalid_idempotency_key|payload_too_large|idempotency_key_reused)$/);
      }),
      { numRuns: 40 },
    );
    // Random keys are mostly refused (non-ASCII, blank), so a run may have stored nothing: one
    // plain sync makes sure the document is in. However often it came through, ten events, not more.
    expect((await post(token, body)).status).toBe(200);
    expect(await db.event.count({ where: { userId: user.id } })).toBe(10);
  });

  it("a valid document with one poisoned event among 5,000 stores none of them (all or nothing)", async () => {
    const db = ctx().prisma;
    const { user, token } = await userWithToken(db);
    await post(token, JSON.stringify(sampleDocument()));
    const before = await snapshot(db, user.id);
    const events = Array.from({ length: 5_000 }, (_, i) => ({ id: `bulk-${i}`, type: "borrow", date: "2025-02-01", amount: 100 + i }));
    events[4_321] = { id: "bulk-4321", type: "borrow", date: "2025-02-01", amount: -1 };
    const res = await post(token, JSON.stringify({ ...sampleDocument(), events: [...sampleDocument().events, ...events] }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.problems).toEqual([expect.stringMatching(/^events\[4331\]\.amount/)]);
    expect(await snapshot(db, user.id)).toEqual(before);
  });

  it("the cookie import service (preview and commit) refuses random files with problems, never a throw other than a 4xx AppError", async () => {
    const db = ctx().prisma;
    const { user, token } = await userWithToken(db);
    await post(token, JSON.stringify(sampleDocument()));
    const before = await snapshot(db, user.id);
    await fc.assert(
      // Garbage only: the import service reads UTF-16 and GBK files, so an encoded sample is valid there.
      fc.asyncProperty(garbageBody, async (bytes) => {
        const preview = await previewImport(db, { userId: user.id, bytes });
        expect(["refused", "needs-mapping", "preview"]).toContain(preview.kind);
        try {
          await commitImport(db, { userId: user.id, bytes });
        } catch (err) {
          const status = (err as { status?: number }).status;
          expect(status, String(err)).toBeGreaterThanOrEqual(400);
          expect(status).toBeLessThan(500);
        }
      }),
      { numRuns: 40 },
    );
    expect(await snapshot(db, user.id)).toEqual(before);
  });

  it("a NUL or a lone surrogate in any text field or id, or a score scale past the database's integers, is a 422 naming the field", async () => {
    const db = ctx().prisma;
    const { user, token } = await userWithToken(db);
    await post(token, JSON.stringify(sampleDocument()));
    const before = await snapshot(db, user.id);
    await fc.assert(
      fc.asyncProperty(poisonedDocument, async ({ doc, field }) => {
        // JSON.stringify writes a lone surrogate as a \uD800 escape, as a client's JSON would.
        const res = await post(token, JSON.stringify(doc));
        expect(res.status).toBe(422);
        const body = await res.json();
        expect(body.error.problems).toContainEqual(expect.stringContaining(`${field}: must`));
        await expect(commitImport(db, { userId: user.id, bytes: new TextEncoder().encode(JSON.stringify(doc)) })).rejects.toMatchObject({ status: 422 });
      }),
      { numRuns: 25 },
    );
    expect(await snapshot(db, user.id)).toEqual(before);
  });
});
