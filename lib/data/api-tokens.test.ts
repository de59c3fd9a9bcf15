import { expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { describeDatabases } from "@/lib/db/test-db";
import { AppError } from "@/lib/errors";
import { MAX_ACTIVE_TOKENS } from "@/lib/api-tokens/validation";
import { authenticateApiToken, createApiToken, hashToken, listApiTokens, revokeApiToken } from "./api-tokens";

describeDatabases("api tokens", (ctx) => {
  const newUser = () => ctx().prisma.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } });

  it("shows the secret once and stores only its hash and a short prefix", async () => {
    const db = ctx().prisma;
    const user = await newUser();
    const { token, apiToken } = await createApiToken(db, { userId: user.id, name: " laptop " });
    expect(token).toMatch(/^chk_[A-Za-z0-9_-]{43}$/);
    expect(apiToken.name).toBe("laptop");
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    expect(apiToken.prefix).toHaveLength(12);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(12));
    const listed = await listApiTokens(db, { userId: user.id });
    expect(listed).toHaveLength(1);
    expect(Object.keys(listed[0]!).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "prefix", "revokedAt"]);
    expect(await db.auditLog.count({ where: { userId: user.id, action: "token.created" } })).toBe(1);
  });

  it("two tokens are never equal", async () => {
    const user = await newUser();
    const a = await createApiToken(ctx().prisma, { userId: user.id, name: "a" });
    const b = await createApiToken(ctx().prisma, { userId: user.id, name: "b" });
    expect(a.token).not.toBe(b.token);
  });

  it("authenticates the owner, and refuses unknown, malformed and revoked tokens", async () => {
    const db = ctx().prisma;
    const user = await newUser();
    const { token, apiToken } = await createApiToken(db, { userId: user.id, name: "ci" });
    expect(await authenticateApiToken(db, { token })).toEqual({ userId: user.id, tokenId: apiToken.id });
    expect(await authenticateApiToken(db, { token: token.slice(0, -1) + (token.endsWith("A") ? "B" : "A") })).toBeNull();
    expect(await authenticateApiToken(db, { token: "chk_short" })).toBeNull();
    expect(await authenticateApiToken(db, { token: "" })).toBeNull();
    await revokeApiToken(db, { userId: user.id, tokenId: apiToken.id });
    expect(await authenticateApiToken(db, { token })).toBeNull();
    // Revoking twice is harmless and logs once.
    await revokeApiToken(db, { userId: user.id, tokenId: apiToken.id });
    expect(await db.auditLog.count({ where: { userId: user.id, action: "token.revoked" } })).toBe(1);
  });

  it("touches lastUsedAt at most once a minute", async () => {
    const db = ctx().prisma;
    const user = await newUser();
    const { token, apiToken } = await createApiToken(db, { userId: user.id, name: "x" });
    const t0 = new Date("2026-01-01T00:00:00Z");
    const lastUsed = async () => (await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt?.toISOString();
    expect(await lastUsed()).toBeUndefined();
    await authenticateApiToken(db, { token, now: t0 });
    expect(await lastUsed()).toBe(t0.toISOString());
    await authenticateApiToken(db, { token, now: new Date(t0.getTime() + 59_000) });
    expect(await lastUsed()).toBe(t0.toISOString());
    const later = new Date(t0.getTime() + 61_000);
    await authenticateApiToken(db, { token, now: later });
    expect(await lastUsed()).toBe(later.toISOString());
  });

  it("another user cannot revoke or list my tokens", async () => {
    const db = ctx().prisma;
    const [me, other] = [await newUser(), await newUser()];
    const { token, apiToken } = await createApiToken(db, { userId: me.id, name: "mine" });
    await expect(revokeApiToken(db, { userId: other.id, tokenId: apiToken.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await listApiTokens(db, { userId: other.id })).toEqual([]);
    expect(await authenticateApiToken(db, { token })).not.toBeNull();
  });

  it("validates the name and bounds the number of active tokens", async () => {
    const db = ctx().prisma;
    const user = await newUser();
    await expect(createApiToken(db, { userId: user.id, name: "   " })).rejects.toBeInstanceOf(AppError);
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) await createApiToken(db, { userId: user.id, name: `t${i}` });
    await expect(createApiToken(db, { userId: user.id, name: "one too many" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
