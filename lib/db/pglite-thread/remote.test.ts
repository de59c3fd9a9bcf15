import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { openTestDatabase, type TestDatabase } from "@/lib/db/test-db";
import { bulkSessionOf } from "@/lib/db/pg-sessions";
import { openPgliteThread } from "./remote";

/** The longest gap between timer ticks on this thread while `work` runs. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  try {
    return { result: await work(), stallMs };
  } finally {
    clearInterval(timer);
  }
}

describe("the embedded PGlite on its own thread", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase("pglite");
  }, 60_000);
  afterAll(() => database?.close());

  it("runs a long query without holding this thread", async () => {
    await database.prisma.$queryRawUnsafe(`SELECT 1`); // Prisma's own start-up happens on this thread
    // Seconds of work inside PostgreSQL: in-process, this thread would not tick until it ended.
    const t0 = performance.now();
    const { result, stallMs } = await longestStall(() => database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM generate_series(1, 3000000) g, pg_sleep(0.5) s`));
    const queryMs = performance.now() - t0;
    expect(result[0]!.n).toBe(3_000_000);
    expect(queryMs).toBeGreaterThan(500);
    expect(stallMs).toBeLessThan(queryMs / 4);
  });

  it("answers Prisma's errors as Prisma's (a unique violation is P2002) and keeps transactions atomic", async () => {
    const email = "same@example.com";
    await database.prisma.user.create({ data: { email, passwordHash: "x" } });
    const dup = await database.prisma.user.create({ data: { email, passwordHash: "y" } }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((dup as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
    await expect(
      database.prisma.$transaction(async (tx) => {
        await tx.user.create({ data: { email: "rolled-back@example.com", passwordHash: "x" } });
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(await database.prisma.user.count({ where: { email: "rolled-back@example.com" } })).toBe(0);
  });

  it("COPYs in the transaction's own session there, and a failing source stores nothing", async () => {
    const user = await database.prisma.user.create({ data: { email: "copy@example.com", passwordHash: "x" } });
    const line = (id: string) => new TextEncoder().encode(`${id}\t${user.id}\tn-${id}\n`);
    await database.prisma.$transaction(async (tx) => {
      const session = await bulkSessionOf(tx);
      expect(session).not.toBeNull();
      await session!.query(`CREATE TEMP TABLE "CopyProbe" (id text, "userId" text, name text) ON COMMIT DROP`);
      await session!.copy(`"CopyProbe"`, `id, "userId", name`, [line("a"), line("b")]);
      const { rows } = await session!.query<{ n: number }>(`SELECT count(*)::int AS n FROM "CopyProbe"`);
      expect(rows[0]!.n).toBe(2);
      await session!.query(`INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) SELECT id, "userId", name, 'h-' || id, 'p' FROM "CopyProbe"`);
    });
    expect(await database.prisma.apiToken.count({ where: { userId: user.id } })).toBe(2);

    async function* failing() {
      yield line("c");
      throw new Error("the source broke");
    }
    await expect(
      database.prisma.$transaction(async (tx) => {
        const session = (await bulkSessionOf(tx))!;
        await session.query(`CREATE TEMP TABLE "CopyProbe" (id text, "userId" text, name text) ON COMMIT DROP`);
        await session.copy(`"CopyProbe"`, `id, "userId", name`, failing());
      }),
    ).rejects.toThrow("the source broke");
    // The thread is still in service after the aborted COPY.
    expect(await database.prisma.apiToken.count({ where: { userId: user.id } })).toBe(2);
  });
});

it("keeps one database's bulk session while another database in the process finds its own", async () => {
  const [one, two] = [await openTestDatabase("pglite"), await openTestDatabase("pglite")];
  try {
    await one.prisma.$transaction(async (tx1) => {
      const first = (await bulkSessionOf(tx1))!;
      // The second database's look-up asks every PGlite thread, the first one's too.
      await two.prisma.$transaction(async (tx2) => {
        const second = (await bulkSessionOf(tx2))!;
        expect((await second.query<{ n: number }>(`SELECT 2 AS n`)).rows[0]!.n).toBe(2);
      });
      expect((await first.query<{ n: number }>(`SELECT 1 AS n`)).rows[0]!.n).toBe(1);
    });
  } finally {
    await Promise.all([one.close(), two.close()]);
  }
}, 60_000);

it("answers every call after it closes with an error that says so, and fails to connect to a data directory it cannot open", async () => {
  const { mkdtemp, rm } = await import("node:fs/promises");
  const dir = await mkdtemp(`${(await import("node:os")).tmpdir()}/credit-health-pglite-thread-`);
  try {
    const closed = openPgliteThread(`${dir}/closed`);
    const adapter = await closed.adapter.connect();
    expect((await adapter.queryRaw({ sql: "SELECT 1 AS one", args: [], argTypes: [] })).rows).toEqual([[1]]);
    await closed.close();
    await expect(adapter.queryRaw({ sql: "SELECT 1", args: [], argTypes: [] })).rejects.toThrow("The embedded database is closed.");

    // A data directory that is a file: the host cannot open it, and connecting says so.
    const { writeFile } = await import("node:fs/promises");
    await writeFile(`${dir}/not-a-directory`, "x");
    const broken = openPgliteThread(`${dir}/not-a-directory`);
    await expect(broken.adapter.connect()).rejects.toThrow();
    await broken.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
