import { beforeAll, expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { importHistory } from "./history";
import { COUNT_CAP, countEvents, deleteEvent, getEvent, listEvents, type EventCursor } from "./events";

const DOC = { format: "credit-health-history", version: 1 } as const;
const N = 50_000;
const START = Date.UTC(2015, 0, 1);
const dayOf = (i: number) => new Date(START + Math.floor(i / 12) * 86_400_000).toISOString().slice(0, 10);

// 12 events a day over ~11 years; every 5th is a limit, the rest activity/repayment.
function generated() {
  return Array.from({ length: N }, (_, i) => {
    const date = dayOf(i);
    if (i % 5 === 0) return { id: `l${i}`, type: "limit", date, limit: 1000 + (i % 97) };
    return i % 2 ? { id: `a${i}`, type: "activity", date, count: 1 } : { id: `r${i}`, type: "repayment", date, amount: 10 + (i % 50) };
  });
}

let seq = 0;

describeDatabases("events table queries", (ctx) => {
  let userId = "";
  let other = "";
  beforeAll(async () => {
    const { prisma } = ctx();
    userId = (await prisma.user.create({ data: { email: `ev${++seq}-${Date.now()}@example.com`, passwordHash: "x" } })).id;
    other = (await prisma.user.create({ data: { email: `ev${++seq}-${Date.now()}@example.com`, passwordHash: "x" } })).id;
    await importHistory(prisma, { userId, document: { ...DOC, events: generated() } });
    await importHistory(prisma, { userId: other, document: { ...DOC, events: [{ id: "o1", type: "limit", date: "2020-01-01", limit: 1 }] } });
  }, 300_000);

  it("walks all 50,000 events newest first by keyset pages, each page as fast as the first", async () => {
    const { prisma, engine } = ctx();
    let cursor: EventCursor | null = null;
    const seen = new Set<string>();
    let lastKey = "9999-99-99~";
    const times: number[] = [];
    for (;;) {
      const t = performance.now();
      const page = await listEvents(prisma, { userId, cursor, pageSize: 500 });
      times.push(performance.now() - t);
      for (const r of page.rows) {
        const key = `${r.day}~${r.id}`;
        expect(key < lastKey).toBe(true);
        lastKey = key;
        seen.add(r.eventId);
      }
      if (!page.next) break;
      cursor = page.next;
    }
    expect(seen.size).toBe(N);
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    // The page the table shows (PAGE_SIZE rows) from the middle of the history.
    const mid = await listEvents(prisma, { userId, cursor: { day: "2020-06-01", id: "~", dir: "after" } });
    const t0 = performance.now();
    await listEvents(prisma, { userId, cursor: { day: "2020-06-01", id: "~", dir: "after" } });
    expect(mid.rows).toHaveLength(50);
    console.info(`[${engine}] one table page (50 rows) mid-history: ${(performance.now() - t0).toFixed(1)} ms`);
    console.info(`[${engine}] ${times.length} pages of 500: first ${times[0]!.toFixed(1)} ms, median ${median.toFixed(1)} ms, last ${times.at(-1)!.toFixed(1)} ms`);
  }, 300_000);

  it("pages back with the prev cursor to exactly the page before", async () => {
    const { prisma } = ctx();
    const p1 = await listEvents(prisma, { userId });
    expect(p1.prev).toBeNull();
    const p2 = await listEvents(prisma, { userId, cursor: p1.next });
    const back = await listEvents(prisma, { userId, cursor: p2.prev });
    expect(back.rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
    expect(back.prev).toBeNull();
  });

  it("filters by type and date range, and counts with a cap", async () => {
    const { prisma, engine } = ctx();
    const filter = { type: "limit" as const, from: "2016-01-01", to: "2016-01-31" };
    const page = await listEvents(prisma, { userId, filter, pageSize: 1000 });
    const expected = generated().filter((e) => e.type === "limit" && e.date >= "2016-01-01" && e.date <= "2016-01-31");
    expect(page.rows.map((r) => r.eventId).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(page.rows.every((r) => r.event.type === "limit")).toBe(true);
    expect(await countEvents(prisma, { userId, filter })).toEqual({ count: expected.length, capped: false });
    const t = performance.now();
    expect(await countEvents(prisma, { userId })).toEqual({ count: COUNT_CAP, capped: true });
    console.info(`[${engine}] capped count over ${N} events: ${(performance.now() - t).toFixed(1)} ms`);
    expect(await countEvents(prisma, { userId: other })).toEqual({ count: 1, capped: false });
  });

  it("reads and deletes only the owner's events", async () => {
    const { prisma } = ctx();
    const [row] = (await listEvents(prisma, { userId: other })).rows;
    await expect(getEvent(prisma, { userId, id: row!.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteEvent(prisma, { userId, id: row!.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await getEvent(prisma, { userId: other, id: row!.id })).event).toMatchObject({ id: "o1", limit: 1 });
    await deleteEvent(prisma, { userId: other, id: row!.id });
    expect(await countEvents(prisma, { userId: other })).toEqual({ count: 0, capped: false });
  });
});
