import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { parseHistory } from "@/lib/history/parse";
import type { HistoryDocument, HistoryEvent } from "@/lib/history/schema";
import { exportHistory, importHistory, loadHistory } from "./history";

const EXAMPLES_DIR = path.resolve(import.meta.dirname, "../../../shared/examples");
const examples = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => [f, JSON.parse(readFileSync(path.join(EXAMPLES_DIR, f), "utf8")) as unknown] as const);

function parsed(input: unknown): HistoryDocument {
  const res = parseHistory(input);
  if (!res.ok) throw new Error(res.problems.join("\n"));
  return res.document;
}

const byId = (a: HistoryEvent, b: HistoryEvent) => (a.id ?? "").localeCompare(b.id ?? "") || JSON.stringify(a).localeCompare(JSON.stringify(b));
const sorted = (doc: HistoryDocument) => ({ ...doc, events: [...doc.events].sort(byId) });

let seq = 0;
const DOC = { format: "credit-health-history", version: 1 } as const;

describeDatabases("history import/export", (ctx) => {
  const newUser = async () =>
    (await ctx().prisma.user.create({ data: { email: `h${++seq}-${Date.now()}@example.com`, passwordHash: "x" } })).id;

  it.each(examples)("round-trips %s and re-importing adds nothing", async (_name, example) => {
    const { prisma } = ctx();
    const userId = await newUser();
    const original = parsed(example);
    expect(await importHistory(prisma, { userId, document: example })).toEqual({ added: original.events.length, updated: 0, unchanged: 0 });
    const exported = await exportHistory(prisma, { userId });
    expect(sorted(exported)).toEqual(sorted(original));
    expect(await importHistory(prisma, { userId, document: exported })).toEqual({ added: 0, updated: 0, unchanged: original.events.length });
    expect(await prisma.event.count({ where: { userId } })).toBe(original.events.length);
  });

  it("derives stable ids for events without one, keeps equal repeats, and exports without them", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const repayment = { type: "repayment", date: "2025-02-10", amount: 100 } as const;
    const doc = { ...DOC, events: [repayment, { ...repayment }, { id: "l1", type: "limit", date: "2025-02-10", limit: 5000 }] };
    expect(await importHistory(prisma, { userId, document: doc })).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const exported = await exportHistory(prisma, { userId });
    expect(exported.events).toEqual([repayment, repayment, { id: "l1", type: "limit", date: "2025-02-10", limit: 5000 }]);
    expect(await importHistory(prisma, { userId, document: exported })).toEqual({ added: 0, updated: 0, unchanged: 3 });
    const loaded = await loadHistory(prisma, { userId });
    const ids = loaded.events.map((e) => e.id);
    expect(ids[0]).toMatch(/^h_[0-9a-f]{32}$/);
    expect(ids[1]).toBe(`${ids[0]}-2`);
    const rows = await prisma.event.findMany({ where: { userId }, orderBy: { eventId: "asc" } });
    expect(rows.map((r) => r.idDerived)).toEqual([true, true, false]);
  });

  it("updates an id whose content changed, stores the borrower block and the derived columns", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const events = [
      { id: "b1", type: "borrow", date: "2025-01-10T23:30:00+00:00", amount: 5000 },
      { id: "s1", type: "score", date: "2025-01-02", score: 700 },
    ];
    await importHistory(prisma, { userId, document: { ...DOC, borrower: { currency: "USD", product: "Card", scoreScale: { min: 300, max: 850 } }, events } });
    const changed = [{ ...events[0], amount: 4500.5 }, events[1]];
    expect(await importHistory(prisma, { userId, document: { ...DOC, events: changed }, source: "manual" })).toEqual({ added: 0, updated: 2, unchanged: 0 });
    const b1 = await prisma.event.findUniqueOrThrow({ where: { userId_eventId: { userId, eventId: "b1" } } });
    // 23:30 UTC is the next calendar day in Asia/Shanghai.
    expect(b1.day.toISOString().slice(0, 10)).toBe("2025-01-11");
    expect(Number(b1.value)).toBe(4500.5);
    expect(b1.payload).toEqual({ ...changed[0], source: "manual" });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    // A document without a borrower block means the defaults.
    expect([user.currency, user.product, user.scoreMin, user.scoreMax]).toEqual(["CNY", "Jiebei", 350, 950]);
  });

  it("stores nothing from a document with one invalid event", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const doc = {
      ...DOC,
      borrower: { currency: "USD" },
      events: [
        { id: "ok", type: "limit", date: "2025-01-01", limit: 1000 },
        { id: "bad", type: "borrow", date: "2025-01-02", amount: -5 },
      ],
    };
    await expect(importHistory(prisma, { userId, document: doc })).rejects.toMatchObject({
      code: "validation_failed",
      problems: [expect.stringContaining("events[1].amount")],
    });
    expect(await prisma.event.count({ where: { userId } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).currency).toBe("CNY");
  });

  it("stays consistent under concurrent imports of overlapping events", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const ev = (i: number) => ({ id: `e${i}`, type: "activity", date: "2025-05-01", count: 1 + (i % 3) });
    const docs = [0, 1, 2, 3].map((k) => ({ ...DOC, events: Array.from({ length: 400 }, (_, i) => ev(i + k * 200)) }));
    const results = await Promise.all(docs.map((d) => importHistory(prisma, { userId, document: d })));
    expect(results.reduce((n, r) => n + r.added, 0)).toBe(1000);
    expect(results.reduce((n, r) => n + r.updated, 0)).toBe(0);
    expect(await prisma.event.count({ where: { userId } })).toBe(1000);
  });

  describeLarge(ctx, newUser);
});

/** The spec's ceiling: 100,000 events in one document must import (and re-import as a no-op). */
function describeLarge(ctx: () => { prisma: import("@/lib/db/client").PrismaClient; engine: string }, newUser: () => Promise<string>) {
  let doc: HistoryDocument;
  beforeAll(() => {
    const start = Date.UTC(2020, 0, 1);
    const events: HistoryEvent[] = Array.from({ length: 100_000 }, (_, i) => {
      const date = new Date(start + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
      return i % 2 ? { type: "activity", date, count: 1 + (i % 7), note: `n${i}` } : { id: `r${i}`, type: "repayment", date, amount: (i % 900) + 0.5 };
    });
    doc = { ...DOC, borrower: { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } }, events };
  });

  it("imports 100,000 events in one document", async () => {
    const { prisma, engine } = ctx();
    const userId = await newUser();
    let t = performance.now();
    expect(await importHistory(prisma, { userId, document: doc })).toEqual({ added: 100_000, updated: 0, unchanged: 0 });
    const first = performance.now() - t;
    t = performance.now();
    expect(await importHistory(prisma, { userId, document: doc })).toEqual({ added: 0, updated: 0, unchanged: 100_000 });
    const again = performance.now() - t;
    t = performance.now();
    expect((await exportHistory(prisma, { userId })).events).toHaveLength(100_000);
    const exported = performance.now() - t;
    console.info(`[${engine}] 100k events: import ${first.toFixed(0)} ms, re-import ${again.toFixed(0)} ms, export ${exported.toFixed(0)} ms`);
  }, 300_000);
}
