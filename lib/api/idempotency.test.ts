import { expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { describeDatabases } from "@/lib/db/test-db";
import { AppError, toErrorResponse } from "@/lib/errors";
import { IDEMPOTENCY_TTL_MS, withIdempotency, type HandlerResult } from "./idempotency";

const URL_ = "http://test.local/api/v1/history";
const enc = (s: string) => new TextEncoder().encode(s);

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describeDatabases("idempotency", (ctx) => {
  async function setup() {
    const db = ctx().prisma;
    const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } });
    const token = await db.apiToken.create({ data: { userId: user.id, name: "t", tokenHash: randomUUID(), prefix: "chk_x" } });
    const scope = { scope: token.id, userId: user.id, tokenId: token.id };
    const key = randomUUID();
    // Errors become responses exactly as in a route handler.
    const call = async (body: string, run: () => Promise<HandlerResult>, s = scope, k: string | null = key) => {
      const request = new Request(URL_, { method: "POST", headers: k ? { "Idempotency-Key": k } : {}, body });
      try {
        return await withIdempotency(db, request, s, enc(body), run);
      } catch (err) {
        return toErrorResponse(err);
      }
    };
    return { db, user, scope, key, call };
  }

  it("runs once and replays the stored status and body", async () => {
    const { call } = await setup();
    let runs = 0;
    // Keys in non-alphabetical order: jsonb would reorder them, the replay must not.
    const run = async () => ({ status: 201, body: { z: 1, n: ++runs, a: [3, 1] } });
    const first = await call("{}", run);
    expect(first.status).toBe(201);
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();
    const second = await call("{}", run);
    expect(second.status).toBe(201);
    expect(second.headers.get("Idempotent-Replayed")).toBe("true");
    expect(second.headers.get("content-type")).toBe("application/json");
    expect(await second.text()).toBe(await first.text());
    expect(runs).toBe(1);
    expect(runs).toBe(1);
  });

  it("refuses the same key with another body (422) and accepts the quoted form of the key", async () => {
    const { call, key } = await setup();
    await call('{"a":1}', async () => ({ status: 200, body: {} }));
    const other = await call('{"a":2}', async () => ({ status: 200, body: {} }));
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe("idempotency_key_reused");
    const quoted = await call('{"a":1}', async () => ({ status: 200, body: {} }), undefined, `"${key}"`);
    expect(quoted.headers.get("Idempotent-Replayed")).toBe("true");
  });

  it("answers 409 while the first request is in flight, then replays", async () => {
    const { call } = await setup();
    const gate = deferred<HandlerResult>();
    const first = call("{}", () => gate.promise);
    // Let the first request claim the key before the retry arrives.
    await new Promise((r) => setTimeout(r, 200));
    const during = await call("{}", async () => ({ status: 200, body: { wrong: true } }));
    expect(during.status).toBe(409);
    expect(during.headers.get("Retry-After")).not.toBeNull();
    gate.resolve({ status: 200, body: { ok: 1 } });
    expect(await (await first).json()).toEqual({ ok: 1 });
    const after = await call("{}", async () => ({ status: 200, body: { wrong: true } }));
    expect(await after.json()).toEqual({ ok: 1 });
  });

  it("lets exactly one of many concurrent requests run", async () => {
    const { call } = await setup();
    let runs = 0;
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () =>
        call("{}", async () => {
          runs++;
          await new Promise((r) => setTimeout(r, 300));
          return { status: 200, body: {} };
        }).then((r) => r.status),
      ),
    );
    expect(runs).toBe(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
  });

  it("does not store 5xx answers or crashes, so a retry runs", async () => {
    const { call, db, scope, key } = await setup();
    const failed = await call("{}", async () => ({ status: 503, body: {} }));
    expect(failed.status).toBe(503);
    expect(await db.idempotencyRecord.count({ where: { scope: scope.scope, key } })).toBe(0);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const crashed = await call("{}", async () => {
      throw new Error("boom");
    });
    expect(crashed.status).toBe(500);
    expect(JSON.stringify(await crashed.json())).not.toContain("boom");
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
    expect(await db.idempotencyRecord.count({ where: { scope: scope.scope, key } })).toBe(0);
    const retry = await call("{}", async () => ({ status: 200, body: { ok: true } }));
    expect(retry.status).toBe(200);
    expect(retry.headers.get("Idempotent-Replayed")).toBeNull();
  });

  it("does not store a 429 (the borrower's work slot was busy), so the retry runs", async () => {
    const { call, db, scope, key } = await setup();
    const busy = await call("{}", async () => {
      throw new AppError("too_many_requests", "busy", { headers: { "Retry-After": "5" } });
    });
    expect(busy.status).toBe(429);
    expect(busy.headers.get("Retry-After")).toBe("5");
    expect(await db.idempotencyRecord.count({ where: { scope: scope.scope, key } })).toBe(0);
    const retry = await call("{}", async () => ({ status: 200, body: { ok: true } }));
    expect(retry.status).toBe(200);
    expect(retry.headers.get("Idempotent-Replayed")).toBeNull();
  });

  it("stores 4xx answers such as validation errors and replays them", async () => {
    const { call } = await setup();
    const bad = await call("{}", async () => {
      throw new AppError("validation_failed", "invalid", { problems: ["events: must be an array of events"] });
    });
    expect(bad.status).toBe(422);
    const again = await call("{}", async () => ({ status: 200, body: {} }));
    expect(again.status).toBe(422);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await again.json()).error.problems).toEqual(["events: must be an array of events"]);
  });

  it("scopes keys per token and forgets them after 24 hours", async () => {
    const a = await setup();
    const b = await setup();
    await a.call("{}", async () => ({ status: 200, body: { who: "a" } }));
    // Same key string under another scope: independent.
    const underB = await a.call("{}", async () => ({ status: 200, body: { who: "b" } }), b.scope, a.key);
    expect(await underB.json()).toEqual({ who: "b" });
    expect(underB.headers.get("Idempotent-Replayed")).toBeNull();
    await a.db.idempotencyRecord.updateMany({
      where: { scope: a.scope.scope, key: a.key },
      data: { createdAt: new Date(Date.now() - IDEMPOTENCY_TTL_MS - 1000) },
    });
    const fresh = await a.call('{"different":true}', async () => ({ status: 200, body: { who: "a2" } }));
    expect(await fresh.json()).toEqual({ who: "a2" });
  });

  it("rejects malformed keys and runs plainly without a key", async () => {
    const { call } = await setup();
    const bad = await call("{}", async () => ({ status: 200, body: {} }), undefined, "x".repeat(256));
    expect(bad.status).toBe(400);
    let runs = 0;
    await call("{}", async () => ({ status: 200, body: { n: ++runs } }), undefined, null);
    await call("{}", async () => ({ status: 200, body: { n: ++runs } }), undefined, null);
    expect(runs).toBe(2);
  });
});
