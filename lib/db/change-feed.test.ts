import pg from "pg";
import { expect, it } from "vitest";
import { authenticateApiToken, createApiToken } from "@/lib/data/api-tokens";
import { cachedExplanation } from "@/lib/data/explanation-cache";
import { openChangeFeed, type ChangeFeed } from "./change-feed";
import { importHistory } from "@/lib/data/history";
import { ReadCache, attachReadCache } from "./read-cache";
import { describeDatabases } from "./test-db";
import { generateHistory } from "@/lib/core/testing/generate";

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describeDatabases("change feed and read cache", (ctx) => {
  let n = 0;
  const newUser = () => ctx().prisma.user.create({ data: { email: `feed-${++n}-${Date.now()}@example.com`, passwordHash: "x" } });

  async function liveFeed(): Promise<{ feed: ChangeFeed; seen: (string | null)[] }> {
    const feed = openChangeFeed(ctx().target, ctx().handle.pglite);
    const seen: (string | null)[] = [];
    feed.onChange((id) => seen.push(id));
    await until(() => feed.live, "the feed to go live");
    return { feed, seen };
  }

  it("hears committed writes to a user, their cached explanation and their tokens, and not rolled-back ones", async () => {
    const { prisma } = ctx();
    const { feed, seen } = await liveFeed();
    try {
      const user = await newUser();
      await prisma.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
      await until(() => seen.includes(user.id), "the user update");

      seen.length = 0;
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.user.update({ where: { id: user.id }, data: { name: "rolled back" } });
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");
      const other = await newUser();
      await prisma.user.update({ where: { id: other.id }, data: { name: "marker" } });
      await until(() => seen.includes(other.id), "the marker update");
      expect(seen).not.toContain(user.id);

      seen.length = 0;
      await prisma.explanationCache.create({ data: { userId: user.id, kind: "test", historyVersion: 0, computedAt: new Date(), payload: "{}" } });
      await until(() => seen.includes(user.id), "the explanation cache insert");

      seen.length = 0;
      await createApiToken(prisma, { userId: user.id, name: "t" });
      await until(() => seen.includes(user.id), "the token insert");

      seen.length = 0;
      await prisma.user.delete({ where: { id: user.id } });
      await until(() => seen.includes(user.id), "the user delete");
    } finally {
      await feed.close();
    }
  });

  it("a cached token is refused right after it is revoked, and a cached explanation follows a new import", async () => {
    const { prisma } = ctx();
    const { feed } = await liveFeed();
    try {
      const cache = new ReadCache(feed);
      attachReadCache(prisma, () => cache);
      const user = await newUser();
      const { token, apiToken } = await createApiToken(prisma, { userId: user.id, name: "t" });
      expect(await authenticateApiToken(prisma, { token })).toEqual({ userId: user.id, tokenId: apiToken.id });
      // The insert's notification, and the one of the first lastUsedAt touch, may arrive while a
      // read is in flight (and keep it out of the cache): read until the row is held.
      for (let i = 0; i < 100 && cache.size.entries === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
        await authenticateApiToken(prisma, { token });
      }
      expect(cache.size.entries).toBe(1);

      // The revocation goes around this process's cache (as another instance would write it).
      await prisma.apiToken.update({ where: { id: apiToken.id }, data: { revokedAt: new Date() } });
      await until(() => cache.size.entries === 0, "the revocation to drop the cached token");
      expect(await authenticateApiToken(prisma, { token })).toBeNull();

      const doc = generateHistory({ years: 1, seed: 3 });
      await importHistory(prisma, { userId: user.id, document: doc, now: new Date("2026-01-01T00:00:00Z") });
      const first = await cachedExplanation(prisma, { userId: user.id });
      const again = await cachedExplanation(prisma, { userId: user.id });
      expect(again.computedAt).toEqual(first.computedAt);
      await prisma.user.update({ where: { id: user.id }, data: { historyVersion: { increment: 1 } } });
      await until(() => cache.size.entries === 0, "the version bump to drop the cached rows");
      const after = await cachedExplanation(prisma, { userId: user.id });
      expect(after.historyVersion).toBe(first.historyVersion + 1);
    } finally {
      attachReadCache(prisma, () => undefined);
      await feed.close();
    }
  });

  it("on PostgreSQL, hears another connection's commit and reconnects after losing its listener", async ({ skip }) => {
    const { target } = ctx();
    if (target.kind !== "postgres") return skip("PGlite is one in-process connection: no other connection, no listener to lose");
    const { feed, seen } = await liveFeed();
    const other = new pg.Client({ connectionString: target.url });
    await other.connect();
    try {
      const user = await newUser();
      await other.query(`UPDATE "User" SET "name" = 'from elsewhere' WHERE "id" = $1`, [user.id]);
      await until(() => seen.includes(user.id), "another connection's update");

      seen.length = 0;
      await other.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`);
      await until(() => seen.includes(null), "the lost listener to be reported");
      await until(() => feed.live, "the feed to reconnect", 10_000);
      await other.query(`UPDATE "User" SET "name" = 'after reconnect' WHERE "id" = $1`, [user.id]);
      await until(() => seen.includes(user.id), "an update after reconnecting");
    } finally {
      await other.end();
      await feed.close();
    }
  });
});
