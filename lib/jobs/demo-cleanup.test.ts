import { expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { startSession, touchSession } from "@/lib/data/sessions";
import { createDemoBorrower } from "@/lib/demo/create";
import { demoCleanupJob } from "./demo-cleanup";

const HOUR = 3_600_000;

describeDatabases("demo clean-up job", (ctx) => {
  it("removes demo borrowers unused for 24 hours, with all their rows, and nothing else", async () => {
    const db = ctx().prisma;
    const now = new Date();
    const ago = (h: number) => new Date(now.getTime() - h * HOUR);
    const idle = await createDemoBorrower(db);
    const active = await createDemoBorrower(db);
    const young = await createDemoBorrower(db);
    const real = await db.user.create({ data: { email: `real-${Date.now()}@example.com`, passwordHash: "x" } });
    // Idle: created two days ago, last seen 25 hours ago. Active: as old, but seen an hour ago.
    await db.$executeRaw`UPDATE "User" SET "createdAt" = ${ago(48)}, "updatedAt" = ${ago(48)} WHERE "id" IN (${idle.userId}, ${active.userId}, ${real.id})`;
    await touchSession(db, { sessionId: await startSession(db, { userId: idle.userId, now: ago(40) }), at: ago(25) });
    await touchSession(db, { sessionId: await startSession(db, { userId: active.userId, now: ago(40) }), at: ago(1) });

    expect(demoCleanupJob.name).toBe("demo-cleanup");
    expect(demoCleanupJob.cron.split(" ")).toHaveLength(5);
    await demoCleanupJob.run({ db, now });

    const left = await db.user.findMany({ where: { id: { in: [idle.userId, active.userId, young.userId, real.id] } }, select: { id: true } });
    expect(left.map((u) => u.id).sort()).toEqual([active.userId, young.userId, real.id].sort());
    expect(await db.event.count({ where: { userId: idle.userId } })).toBe(0);
    expect(await db.session.count({ where: { userId: idle.userId } })).toBe(0);

    // Safe to repeat: a second run finds nothing more to do.
    await demoCleanupJob.run({ db, now });
    expect(await db.user.count({ where: { id: { in: [active.userId, young.userId, real.id] } } })).toBe(3);
  });
});
