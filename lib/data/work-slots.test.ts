import { expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { describeDatabases } from "@/lib/db/test-db";
import { AppError } from "@/lib/errors";
import { withWorkSlot } from "./work-slots";

describeDatabases("work slots", (ctx) => {
  const newUser = () => ctx().prisma.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } });

  /** A piece of work that runs until the test lets it finish. */
  function pending() {
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    return { done, finish };
  }

  it("refuses a second heavy request of the same borrower with a 429 and Retry-After, not another borrower's", async () => {
    const db = ctx().prisma;
    const [a, b] = [await newUser(), await newUser()];
    const gate = pending();
    const first = withWorkSlot(db, { userId: a.id, kind: "import" }, () => gate.done.then(() => "first"));
    await expect.poll(() => db.workSlot.count({ where: { userId: a.id } })).toBe(1);

    const refused = await withWorkSlot(db, { userId: a.id, kind: "export" }, async () => "second").catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(429);
    expect(Number((refused as AppError).headers?.["Retry-After"])).toBeGreaterThan(0);
    await expect(withWorkSlot(db, { userId: b.id, kind: "import" }, async () => "other borrower")).resolves.toBe("other borrower");

    gate.finish();
    await expect(first).resolves.toBe("first");
    expect(await db.workSlot.count({ where: { userId: a.id } })).toBe(0);
    await expect(withWorkSlot(db, { userId: a.id, kind: "sync" }, async () => "after")).resolves.toBe("after");
  });

  it("releases the slot when the work fails", async () => {
    const db = ctx().prisma;
    const user = await newUser();
    await expect(withWorkSlot(db, { userId: user.id, kind: "import" }, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(withWorkSlot(db, { userId: user.id, kind: "import" }, async () => 1)).resolves.toBe(1);
  });

  it("takes over a lease left expired by an instance that died, and the dead one's release frees nothing", async () => {
    const db = ctx().prisma;
    const user = await newUser();
    await db.workSlot.create({ data: { userId: user.id, token: "dead-instance", kind: "import", expiresAt: new Date(Date.now() - 1000) } });
    const gate = pending();
    const running = withWorkSlot(db, { userId: user.id, kind: "sync" }, () => gate.done);
    await expect.poll(async () => (await db.workSlot.findUnique({ where: { userId: user.id } }))?.token).not.toBe("dead-instance");
    // The dead instance's token no longer matches: deleting by it leaves the live lease alone.
    await db.workSlot.deleteMany({ where: { userId: user.id, token: "dead-instance" } });
    expect(await db.workSlot.count({ where: { userId: user.id } })).toBe(1);
    gate.finish();
    await running;
  });

  it("goes with the account", async () => {
    const db = ctx().prisma;
    const user = await newUser();
    const gate = pending();
    const running = withWorkSlot(db, { userId: user.id, kind: "import" }, () => gate.done);
    await expect.poll(() => db.workSlot.count({ where: { userId: user.id } })).toBe(1);
    await db.user.delete({ where: { id: user.id } });
    expect(await db.workSlot.count({ where: { userId: user.id } })).toBe(0);
    gate.finish();
    await running;
  });
});
