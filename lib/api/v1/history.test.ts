import { afterAll, expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { requestFingerprint } from "../idempotency";
import { backgroundChecksSettled } from "@/lib/reminders/signal-watch";
import { historyHandlers } from "./history";
import { apiRequest, sampleDocument, userWithToken } from "./test-helpers";

describeDatabases("/api/v1/history", (ctx) => {
  // The new-signal check of each import runs after it (outside a request, in the background): it
  // reads this database, which closes after this hook.
  afterAll(backgroundChecksSettled);
  const api = () => historyHandlers(() => ctx().prisma);
  const post = (token: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
    api().POST(apiRequest("/api/v1/history", { token, body: typeof body === "string" ? body : JSON.stringify(body), headers }));
  const get = (token?: string) => api().GET(apiRequest("/api/v1/history", { token }));
  const events = (userId: string) => ctx().prisma.event.count({ where: { userId } });

  it("refuses a missing, unknown or revoked token with 401 and WWW-Authenticate", async () => {
    const { user, token, tokenId } = await userWithToken(ctx().prisma);
    const none = await post(undefined, sampleDocument());
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toBe('Bearer realm="credit-health"');
    expect((await none.json()).error.code).toBe("unauthorized");
    const wrong = await get("chk_" + "A".repeat(43));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("WWW-Authenticate")).toContain('error="invalid_token"');
    const basic = await api().GET(apiRequest("/api/v1/history", { headers: { authorization: `Basic ${token}` } }));
    expect(basic.status).toBe(401);
    expect((await get(token)).status).toBe(200);
    await revokeApiToken(ctx().prisma, { userId: user.id, tokenId });
    expect((await post(token, sampleDocument())).status).toBe(401);
    expect(await events(user.id)).toBe(0);
  });

  it("imports, dedupes and reports counts; export gives back what was imported", async () => {
    const { user, token } = await userWithToken(ctx().prisma);
    const doc = sampleDocument();
    const first = await post(token, doc);
    expect(first.status).toBe(200);
    expect(first.headers.get("Cache-Control")).toBe("no-store");
    expect(await first.json()).toEqual({ added: 10, updated: 0, unchanged: 0, total: 10 });

    const again = await post(token, doc);
    expect(await again.json()).toEqual({ added: 0, updated: 0, unchanged: 10, total: 10 });

    const changed = structuredClone(doc);
    changed.events[1] = { id: "l1", type: "limit", date: "2025-01-02", limit: 31000 };
    changed.events.push({ type: "activity", date: "2025-03-20", kind: "login" });
    expect(await (await post(token, changed)).json()).toEqual({ added: 1, updated: 1, unchanged: 9, total: 11 });
    // An event without id is deduped by its content.
    expect(await (await post(token, changed)).json()).toEqual({ added: 0, updated: 0, unchanged: 11, total: 11 });

    const exported = await (await get(token)).json();
    expect(exported.format).toBe("credit-health-history");
    expect(exported.borrower).toEqual(doc.borrower);
    const byId = (e: { id?: string; date: string }) => e.id ?? e.date;
    expect([...exported.events].sort((a, b) => byId(a).localeCompare(byId(b)))).toEqual(
      [...changed.events].sort((a, b) => byId(a).localeCompare(byId(b))),
    );
    const audit = await ctx().prisma.auditLog.findMany({ where: { userId: user.id, action: "api.import" } });
    expect(audit).toHaveLength(4);
  });

  it("refuses an invalid document with 422, every problem by JSON path, and stores nothing", async () => {
    const { user, token } = await userWithToken(ctx().prisma);
    const doc = sampleDocument();
    doc.events[3] = { id: "b1", type: "borrow", date: "2025-01-10", amount: -5 };
    doc.events.push({ id: "x", type: "limit", date: "2025-13-01", limit: 1 }, { id: "p1", type: "score", date: "2025-01-03", score: 700, typo: 1 } as never);
    const res = await post(token, doc);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^events\[3\]\.amount: /), expect.stringMatching(/^events\[10\]\.date: /), expect.stringMatching(/^events\[11\]/)]),
    );
    expect(await events(user.id)).toBe(0);
    expect(await ctx().prisma.auditLog.count({ where: { userId: user.id, action: "api.import" } })).toBe(0);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const { token } = await userWithToken(ctx().prisma);
    const res = await post(token, "{format:");
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_json");
  });

  it.each([
    ["with Content-Length", true],
    ["streamed without Content-Length", false],
  ])("refuses a 21 MB body with 413 (%s) and stores nothing", async (_label, declared) => {
    const { user, token } = await userWithToken(ctx().prisma);
    const MB = 1024 * 1024;
    // Undeclared, the stream offers far more than 21 MB: the reader must stop soon after 20.
    const size = declared ? 21 * MB : 200 * MB;
    const chunk = new TextEncoder().encode(" ".repeat(1024 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent >= size) return c.close();
        sent += chunk.byteLength;
        c.enqueue(chunk);
      },
    });
    const headers: Record<string, string> = declared ? { "content-length": String(21 * MB) } : {};
    const res = await api().POST(apiRequest("/api/v1/history", { token, body, headers }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
    // Reading stopped at the limit rather than draining the whole upload.
    expect(sent).toBeLessThanOrEqual(declared ? MB : 22 * MB);
    expect(await events(user.id)).toBe(0);
  });

  it("replays an Idempotency-Key, refuses it with another body, and scopes it per token", async () => {
    const db = ctx().prisma;
    const { user, token } = await userWithToken(db);
    const key = { "Idempotency-Key": "import-2025-03-31" };
    const doc = sampleDocument();
    const first = await post(token, doc, key);
    expect(await first.json()).toEqual({ added: 10, updated: 0, unchanged: 0, total: 10 });
    const replay = await post(token, doc, key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    // The replay is the first answer ("added": 10), not a second import ("unchanged": 10).
    expect(await replay.json()).toEqual({ added: 10, updated: 0, unchanged: 0, total: 10 });
    expect(await db.auditLog.count({ where: { userId: user.id, action: "api.import" } })).toBe(1);

    const other = structuredClone(doc);
    other.events.pop();
    const reused = await post(token, other, key);
    expect(reused.status).toBe(422);
    expect((await reused.json()).error.code).toBe("idempotency_key_reused");

    // A second token of the same user: the same key is a new request there.
    const { token: second } = await createApiToken(db, { userId: user.id, name: "second" });
    const underSecond = await post(second, doc, key);
    expect(underSecond.headers.get("Idempotent-Replayed")).toBeNull();
    expect(await underSecond.json()).toEqual({ added: 0, updated: 0, unchanged: 10, total: 10 });
  });

  it("runs one sync or export of a borrower at a time: another answers 429 with Retry-After, and its key stays free", async () => {
    const db = ctx().prisma;
    const { user, token } = await userWithToken(db);
    const other = await userWithToken(db);
    // A heavy request of this borrower is running (here, or on another instance).
    await db.workSlot.create({ data: { userId: user.id, token: "running", kind: "sync", expiresAt: new Date(Date.now() + 60_000) } });
    const busy = await post(token, sampleDocument(), { "Idempotency-Key": "k-429" });
    expect(busy.status).toBe(429);
    expect(Number(busy.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await busy.json()).error.code).toBe("too_many_requests");
    expect((await get(token)).status).toBe(429);
    expect(await events(user.id)).toBe(0);
    // Another borrower is not held up by it.
    expect((await post(other.token, sampleDocument())).status).toBe(200);

    await db.workSlot.delete({ where: { userId: user.id } });
    const retry = await post(token, sampleDocument(), { "Idempotency-Key": "k-429" });
    expect(retry.status).toBe(200);
    expect(retry.headers.get("Idempotent-Replayed")).toBeNull();
    expect(await events(user.id)).toBe(10);
    expect(await db.workSlot.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers 409 while the first request with the key is in flight", async () => {
    const db = ctx().prisma;
    const { user, token, tokenId } = await userWithToken(db);
    const body = JSON.stringify(sampleDocument());
    // Another instance has claimed the key and not finished yet.
    await db.idempotencyRecord.create({
      data: {
        userId: user.id,
        tokenId,
        scope: tokenId,
        key: "k-409",
        method: "POST",
        path: "/api/v1/history",
        requestHash: requestFingerprint("POST", "/api/v1/history", new TextEncoder().encode(body)),
      },
    });
    const res = await post(token, body, { "Idempotency-Key": "k-409" });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("idempotency_in_flight");
    expect(await events(user.id)).toBe(0);
  });

  it("never shows one user's data to another user's token", async () => {
    const a = await userWithToken(ctx().prisma);
    const b = await userWithToken(ctx().prisma);
    await post(a.token, sampleDocument());
    const seenByB = await (await get(b.token)).json();
    expect(seenByB.events).toEqual([]);
    // B importing the same ids adds to B's history and leaves A's alone.
    expect(await (await post(b.token, sampleDocument())).json()).toMatchObject({ added: 10, total: 10 });
    expect(await events(a.user.id)).toBe(10);
  });
});
