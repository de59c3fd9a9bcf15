import { beforeEach, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authenticateApiToken } from "@/lib/data/api-tokens";
import { describeDatabases } from "@/lib/db/test-db";

// The actions run against the test database as whichever user `signedIn` names.
const state = vi.hoisted(() => ({ db: undefined as unknown, userId: "" }));
vi.mock("@/lib/db", () => ({
  get db() {
    return state.db;
  },
}));
vi.mock("@/lib/auth/session", () => ({ requireSession: async () => ({ user: { id: state.userId }, authAt: 0 }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { createTokenAction, revokeTokenAction } = await import("./api-tokens");

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describeDatabases("API token actions", (ctx) => {
  let db: PrismaClient;
  beforeEach(async () => {
    db = ctx().prisma;
    state.db = db;
    state.userId = (await db.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } })).id;
  });

  it("creates a token for the signed-in user and returns the secret once", async () => {
    const res = await createTokenAction(null, form({ name: "  sync script " }));
    if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res)}`);
    expect(res.data.name).toBe("sync script");
    expect(await authenticateApiToken(db, { token: res.data.token })).toMatchObject({ userId: state.userId });
  });

  it("validates the name", async () => {
    expect(await createTokenAction(null, form({ name: "  " }))).toEqual({ ok: false, code: "invalid", fieldErrors: { name: "nameRequired" } });
    expect(await createTokenAction(null, form({ name: "x".repeat(101) }))).toMatchObject({ ok: false, fieldErrors: { name: "nameTooLong" } });
    expect(await db.apiToken.count({ where: { userId: state.userId } })).toBe(0);
  });

  it("revokes only the signed-in user's own tokens", async () => {
    const created = await createTokenAction(null, form({ name: "mine" }));
    if (!created.ok) throw new Error("create failed");
    const { id: tokenId } = await db.apiToken.findFirstOrThrow({ where: { userId: state.userId } });
    const owner = state.userId;

    state.userId = (await db.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } })).id;
    expect(await revokeTokenAction(null, form({ tokenId }))).toEqual({ ok: false, code: "notFound" });
    expect(await authenticateApiToken(db, { token: created.data.token })).not.toBeNull();

    state.userId = owner;
    expect(await revokeTokenAction(null, form({ tokenId }))).toEqual({ ok: true, data: null });
    expect(await authenticateApiToken(db, { token: created.data.token })).toBeNull();
  });
});
