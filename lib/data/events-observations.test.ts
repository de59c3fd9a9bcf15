import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { parseEventsQuery } from "@/lib/events/query";
import { countEvents, listEvents } from "./events";
import { importHistory } from "./history";
import { lastLimit } from "./limit-change";

// The dashboard's "all limits and scores" link (/data?type=observation) and the form's prefill.
describeDatabases("observations: the data page's filter and the last limit on file", (ctx) => {
  let userId = "";
  beforeAll(async () => {
    const { prisma } = ctx();
    userId = (await prisma.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } })).id;
    await importHistory(prisma, { userId: userId, document: {
      format: "credit-health-history",
      version: 1,
      events: [
        { type: "limit", date: "2026-01-01", limit: 30000 },
        { type: "borrow", date: "2026-01-02", amount: 500 },
        { type: "score", date: "2026-02-01", score: 700 },
        { type: "activity", date: "2026-02-02", count: 3 },
        { type: "limit", date: "2026-03-17", limit: 0 },
      ],
    } });
  });

  it("type=observation lists and counts limits and scores only", async () => {
    const { prisma } = ctx();
    const q = parseEventsQuery({ type: "observation" });
    expect(q.type).toBe("observation");
    const page = await listEvents(prisma, { userId, filter: { type: q.type } });
    expect(page.rows.map((r) => r.event.type)).toEqual(["limit", "score", "limit"]);
    expect(await countEvents(prisma, { userId, filter: { type: "observation" } })).toEqual({ count: 3, capped: false });
    expect(await countEvents(prisma, { userId, filter: { type: "borrow" } })).toEqual({ count: 1, capped: false });
    expect(await countEvents(prisma, { userId, filter: { type: "observation", from: "2026-02-01" } })).toEqual({ count: 2, capped: false });
  });

  it("lastLimit: the latest limit, or the latest before a day; never another user's", async () => {
    const { prisma } = ctx();
    expect(await lastLimit(prisma, { userId })).toEqual({ day: "2026-03-17", value: 0 });
    expect(await lastLimit(prisma, { userId, before: "2026-03-17" })).toEqual({ day: "2026-01-01", value: 30000 });
    expect(await lastLimit(prisma, { userId, before: "2026-01-01" })).toBeNull();
    const other = (await prisma.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } })).id;
    expect(await lastLimit(prisma, { userId: other })).toBeNull();
  });
});
