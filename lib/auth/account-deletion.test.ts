import { expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "./password";
import { deleteAccountWithPassword } from "./account";
import { accountThrottleKeys } from "./throttle-core";

const PASSWORD = "a-borrowers-own-passphrase";

/** Every row in every table of the public schema that mentions `needle` in any column. */
async function rowsMentioning(db: PrismaClient, needle: string): Promise<string[]> {
  const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  expect(tables.length).toBeGreaterThanOrEqual(9);
  const hits: string[] = [];
  for (const { table_name } of tables) {
    // The whole row as text, so a new column or table holding the id or e-mail is caught too.
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table_name}" t WHERE t::text LIKE '%' || $1 || '%'`, needle);
    if (Number(rows[0]!.n) > 0) hits.push(`${table_name}: ${rows[0]!.n}`);
  }
  return hits;
}

/** One row in every table that hangs off a user, and a throttle row keyed by the e-mail. */
async function seedEverything(db: PrismaClient, email: string) {
  const user = await db.user.create({ data: { email, passwordHash: await hashPassword(PASSWORD) } });
  const userId = user.id;
  const day = new Date("2026-01-15");
  await db.event.create({ data: { userId, eventId: "e1", type: "limit", day, value: 5000, payload: { type: "limit", limit: 5000 }, hash: "h1" } });
  const token = await db.apiToken.create({ data: { userId, name: "phone", tokenHash: `hash-${userId}`, prefix: "ch_x" } });
  await db.idempotencyRecord.create({ data: { userId, tokenId: token.id, scope: `t:${token.id}`, key: "k1", method: "POST", path: "/api/v1/history", requestHash: "r" } });
  await db.auditLog.create({ data: { userId, action: "signin", ip: "198.51.100.3" } });
  await db.recoveryStepStatus.create({ data: { userId, dropDate: day, stepCode: "repay", status: "done" } });
  await db.appeal.create({ data: { userId, dropDate: day, language: "zh-CN", body: `申诉 ${email}` } });
  await db.csvMapping.create({ data: { userId, headerHash: "hh", mapping: { date: "日期" } } });
  await db.rateLimiterFlexible.create({ data: { key: accountThrottleKeys(email)[0]!, points: 3, expire: new Date(Date.now() + 600_000) } });
  return user;
}

describeDatabases("account deletion", (ctx) => {
  it("a wrong password deletes nothing", async () => {
    const db = ctx().prisma;
    const user = await seedEverything(db, `keep-${Date.now()}@example.com`);
    expect(await deleteAccountWithPassword(db, { userId: user.id, input: { password: "not-my-password" } })).toEqual({
      ok: false,
      fieldErrors: { password: "currentPasswordWrong" },
    });
    expect(await rowsMentioning(db, user.id)).toContain("Event: 1");
  });

  it("leaves no row in any table that references the user's id or e-mail, and spares other users", async () => {
    const db = ctx().prisma;
    const email = `erase-${Date.now()}@example.com`;
    const user = await seedEverything(db, email);
    const neighbour = await seedEverything(db, `neighbour-${Date.now()}@example.com`);
    expect((await rowsMentioning(db, user.id)).length).toBeGreaterThanOrEqual(8);

    expect(await deleteAccountWithPassword(db, { userId: user.id, input: { password: PASSWORD } })).toEqual({ ok: true });

    expect(await rowsMentioning(db, user.id)).toEqual([]);
    expect(await rowsMentioning(db, email)).toEqual([]);
    // Every model through Prisma too, in case a table name is quoted differently.
    expect(
      await Promise.all([
        db.user.count({ where: { id: user.id } }),
        db.event.count({ where: { userId: user.id } }),
        db.apiToken.count({ where: { userId: user.id } }),
        db.idempotencyRecord.count({ where: { userId: user.id } }),
        db.auditLog.count({ where: { userId: user.id } }),
        db.recoveryStepStatus.count({ where: { userId: user.id } }),
        db.appeal.count({ where: { userId: user.id } }),
        db.csvMapping.count({ where: { userId: user.id } }),
        db.rateLimiterFlexible.count({ where: { key: { contains: email } } }),
      ]),
    ).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect((await rowsMentioning(db, neighbour.id)).length).toBeGreaterThanOrEqual(8);
  });
});
