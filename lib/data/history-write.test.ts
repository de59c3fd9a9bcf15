import { afterAll, expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import type { HistoryEvent } from "@/lib/history/schema";
import { closePool, poolStats } from "@/lib/workers/pool";
import { exportHistory, importHistory, loadHistory, prepareImport, preparedOrThrow, writePreparedHistory, type ImportOptions } from "./history";
import { IN_THREAD_MAX_EVENTS } from "./history-write";
import type { RowBatch } from "@/lib/db/prepared-history";

afterAll(closePool);

const DOC = { format: "credit-health-history", version: 1 } as const;
/** Above the in-thread threshold, so these documents are prepared in the worker pool. */
const N = IN_THREAD_MAX_EVENTS * 4;
const limit = (i: number, value = 1000 + i): HistoryEvent => ({ id: `e${i}`, type: "limit", date: "2025-01-02", limit: value });

let seq = 0;

/** The batches as a worker that dies after its first one would deliver them. */
async function* lostAfterFirst(source: AsyncIterable<RowBatch> | Iterable<RowBatch>) {
  for await (const b of source) {
    yield b;
    throw new Error("worker lost");
  }
}

describeDatabases("bulk history writes", (ctx) => {
  const newUser = async () => (await ctx().prisma.user.create({ data: { email: `w${++seq}-${Date.now()}@example.com`, passwordHash: "x" } })).id;
  const versionOf = async (userId: string) => (await ctx().prisma.user.findUniqueOrThrow({ where: { id: userId } })).historyVersion;

  it("counts added, updated and unchanged rows exactly, and stores the changed payloads", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const completed = poolStats().completed;
    const first = Array.from({ length: N }, (_, i) => limit(i));
    expect(await importHistory(prisma, { userId, document: { ...DOC, events: first } })).toEqual({ added: N, updated: 0, unchanged: 0 });
    expect(poolStats().completed).toBeGreaterThan(completed);
    // A third unchanged, a third changed, a third new.
    const third = N / 4;
    const second = [
      ...first.slice(0, third),
      ...first.slice(third, 2 * third).map((e, k) => limit(third + k, 5 + k)),
      ...Array.from({ length: third }, (_, k) => limit(N + k)),
    ];
    expect(await importHistory(prisma, { userId, document: { ...DOC, events: second } })).toEqual({ added: third, updated: third, unchanged: third });
    expect(await prisma.event.count({ where: { userId } })).toBe(N + third);
    const changed = await prisma.event.findUniqueOrThrow({ where: { userId_eventId: { userId, eventId: `e${third + 3}` } } });
    expect([Number(changed.value), changed.payload]).toEqual([8, limit(third + 3, 8)]);
    const kept = await prisma.event.findUniqueOrThrow({ where: { userId_eventId: { userId, eventId: "e3" } } });
    expect(Number(kept.value)).toBe(1003);
    // The same document again changes nothing.
    expect(await importHistory(prisma, { userId, document: { ...DOC, events: second } })).toEqual({ added: 0, updated: 0, unchanged: 3 * third });
  });

  it("classifies a small document against a large stored history (looked up by id)", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    await importHistory(prisma, { userId, document: { ...DOC, events: Array.from({ length: N }, (_, i) => limit(i)) } });
    const few = [limit(1), limit(2, 7), limit(N + 1), { id: "it's \"odd\",\\ {x}", type: "activity", date: "2025-01-03", count: 1 } as HistoryEvent];
    expect(await importHistory(prisma, { userId, document: { ...DOC, events: few } })).toEqual({ added: 2, updated: 1, unchanged: 1 });
    expect(await importHistory(prisma, { userId, document: { ...DOC, events: few } })).toEqual({ added: 0, updated: 0, unchanged: 4 });
    expect(await prisma.event.count({ where: { userId } })).toBe(N + 2);
  });

  it("keeps id-less repeats apart in a large document and recognises them on re-import", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const repay = (i: number): HistoryEvent => ({ type: "repayment", date: "2025-02-10", amount: 100 + (i % 10) });
    const events = Array.from({ length: N }, (_, i) => repay(i));
    expect(await importHistory(prisma, { userId, document: { ...DOC, events }, source: "import:test" })).toEqual({ added: N, updated: 0, unchanged: 0 });
    const loaded = await loadHistory(prisma, { userId });
    expect(new Set(loaded.events.map((e) => e.id)).size).toBe(N);
    expect(loaded.events.filter((e) => e.id!.endsWith(`-${N / 10}`))).toHaveLength(10);
    const exported = await exportHistory(prisma, { userId });
    expect(await importHistory(prisma, { userId, document: exported })).toEqual({ added: 0, updated: 0, unchanged: N });
  });

  it("stores nothing when a write fails part-way (one transaction)", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const before = await versionOf(userId);
    const prepared = preparedOrThrow(await prepareImport(new TextEncoder().encode(JSON.stringify({ ...DOC, events: Array.from({ length: N }, (_, i) => limit(i)) })), { userId }));
    // Break the last row only, so the first ones have been sent when the database refuses.
    const batches: RowBatch[] = [];
    for await (const b of prepared.batches) batches.push(b);
    const last = batches.at(-1)!;
    const text = new TextDecoder().decode(last.text);
    const end = text.lastIndexOf("\n", text.length - 2);
    batches[batches.length - 1] = { ...last, text: new TextEncoder().encode(`${text.slice(0, end + 1)}not-a-row\n`) };
    await expect(writePreparedHistory(prisma, { userId }, { ...prepared, batches })).rejects.toThrow();
    expect(await prisma.event.count({ where: { userId } })).toBe(0);
    expect(await versionOf(userId)).toBe(before);
  });

  it("stores nothing when the prepared rows stop arriving part-way (a failed worker)", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const before = await versionOf(userId);
    const prepared = preparedOrThrow(await prepareImport({ ...DOC, events: Array.from({ length: N }, (_, i) => limit(i)) }, { userId }));
    await expect(writePreparedHistory(prisma, { userId }, { ...prepared, batches: lostAfterFirst(prepared.batches) })).rejects.toThrow("worker lost");
    expect(await prisma.event.count({ where: { userId } })).toBe(0);
    expect(await versionOf(userId)).toBe(before);
  });

  it("changes nothing stored when the rows of a sync onto a stored history stop arriving", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    await importHistory(prisma, { userId, document: { ...DOC, events: Array.from({ length: N }, (_, i) => limit(i)) } });
    const before = await versionOf(userId);
    // Half of it changed, half new: taken from the worker before the transaction, which then never opens.
    const prepared = preparedOrThrow(await prepareImport({ ...DOC, events: Array.from({ length: N }, (_, i) => limit(i + N / 2, 7)) }, { userId }));
    await expect(writePreparedHistory(prisma, { userId }, { ...prepared, batches: lostAfterFirst(prepared.batches) })).rejects.toThrow("worker lost");
    expect(await prisma.event.count({ where: { userId } })).toBe(N);
    expect(await prisma.event.count({ where: { userId, value: 7 } })).toBe(0);
    expect(await versionOf(userId)).toBe(before);
  });

  it("rolls the events back when a later write of the same import fails", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const events = Array.from({ length: N }, (_, i) => limit(i));
    const failing = async () => {
      throw new Error("audit row refused");
    };
    await expect(importHistory(prisma, { userId, document: { ...DOC, events }, alsoInTransaction: failing })).rejects.toThrow("audit row refused");
    expect(await prisma.event.count({ where: { userId } })).toBe(0);
  });

  it("runs concurrent large imports of overlapping events without deadlock or lost rows", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const half = N / 2;
    // Each document overlaps the next by half; the overlapping events differ in content every time.
    const docs = [0, 1, 2, 3].map((k) => ({ ...DOC, events: Array.from({ length: N }, (_, i) => limit(i + k * half, k * 10 + (i % 7))) }));
    const results = await Promise.all(docs.map((d) => importHistory(prisma, { userId, document: d })));
    const total = N + 3 * half;
    expect(results.reduce((n, r) => n + r.added, 0)).toBe(total);
    expect(results.every((r) => r.added + r.updated + r.unchanged === N)).toBe(true);
    expect(await prisma.event.count({ where: { userId } })).toBe(total);
  });

  it("answers invalid documents with every problem and stores nothing, from bytes too", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const events: unknown[] = Array.from({ length: N }, (_, i) => limit(i));
    events[7] = { id: "bad", type: "borrow", date: "2025-01-02", amount: -1 };
    const bytes = new TextEncoder().encode(JSON.stringify({ ...DOC, events }));
    const result = await prepareImport(bytes, { userId });
    expect(result).toMatchObject({ ok: false, code: "validation_failed", problems: [expect.stringMatching(/^events\[7\]\.amount: /)] });
    await expect(importHistory(prisma, { userId, document: { ...DOC, events } })).rejects.toMatchObject({ code: "validation_failed" });
    expect(await prisma.event.count({ where: { userId } })).toBe(0);
  });

  it("refuses rows prepared for another user and stores nothing for either", async () => {
    const { prisma } = ctx();
    const [owner, other] = [await newUser(), await newUser()];
    const prepared = preparedOrThrow(await prepareImport({ ...DOC, events: Array.from({ length: N }, (_, i) => limit(i)) }, { userId: owner }));
    await expect(writePreparedHistory(prisma, { userId: other }, prepared)).rejects.toThrow("another user");
    expect(await prisma.event.count({ where: { userId: { in: [owner, other] } } })).toBe(0);
  });

  it("writes new rows without the foreign key's per-row check only for the COPY itself", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    // The COPY skips "Event"'s ordinary triggers: a trigger of its own (not the foreign key's,
    // which PostgreSQL marks internal) would be skipped too, so there must be none.
    const triggers = await prisma.$queryRaw<{ tgname: string }[]>`SELECT tgname FROM pg_trigger WHERE tgrelid = '"Event"'::regclass AND NOT tgisinternal`;
    expect(triggers).toEqual([]);
    const roles: string[] = [];
    const alsoInTransaction: NonNullable<ImportOptions["alsoInTransaction"]> = async (tx) => {
      const [row] = await tx.$queryRaw<{ role: string }[]>`SELECT current_setting('session_replication_role') AS role`;
      roles.push(row!.role);
    };
    const events = (from: number) => Array.from({ length: N }, (_, i) => limit(from + i));
    await importHistory(prisma, { userId, document: { ...DOC, events: events(0) }, alsoInTransaction });
    await importHistory(prisma, { userId, document: { ...DOC, events: events(N / 2) }, alsoInTransaction });
    // After the COPY, the rest of the transaction runs with every trigger again.
    expect(roles).toEqual(["origin", "origin"]);
    // A trigger of the table's own is what the COPY skips (the test role may set the parameter).
    await prisma.$executeRawUnsafe(`CREATE TABLE "SeenRows" (n int)`);
    await prisma.$executeRawUnsafe(`CREATE FUNCTION seen_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO "SeenRows" VALUES (1); RETURN NULL; END $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER "Event_seen" AFTER INSERT ON "Event" FOR EACH ROW EXECUTE FUNCTION seen_row()`);
    try {
      await importHistory(prisma, { userId, document: { ...DOC, events: events(2 * N) } });
      const [seen] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "SeenRows"`;
      expect([seen!.n, await prisma.event.count({ where: { userId } })]).toEqual([0, 3 * N - N / 2]);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER "Event_seen" ON "Event"`);
    }
    // The foreign key itself still holds: deleting the user takes the rows with it.
    await prisma.user.delete({ where: { id: userId } });
    expect(await prisma.event.count({ where: { userId } })).toBe(0);
  });
});
