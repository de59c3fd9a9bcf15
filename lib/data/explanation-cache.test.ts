import { randomUUID } from "node:crypto";
import { afterAll, expect, it } from "vitest";
import { generateHistory } from "@/lib/core/testing/generate";
import { closePool, poolStats } from "@/lib/workers/pool";
import { explainHistory } from "@/lib/workers/tasks/explain-history";
import { sampleDocument } from "@/lib/api/v1/test-helpers";
import { describeDatabases } from "@/lib/db/test-db";
import type { ChangeFeed } from "@/lib/db/change-feed";
import { attachReadCache, ReadCache } from "@/lib/db/read-cache";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deleteEvent, saveEvent } from "./events";
import type { DashboardView } from "./dashboard-view";
import { cachedDashboard, cachedExplanation, cachedExplained, computeExplained, DASHBOARD_KIND, EXPLAINED_KIND, MAX_AGE_MS } from "./explanation-cache";
import { WORKER_MIN_EVENTS } from "@/lib/workers/by-size";
import { importHistory } from "./history";

const version = async (db: PrismaClient, id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { historyVersion: true } })).historyVersion;
const newUser = (db: PrismaClient) => db.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } });

/** The sample without its cut: a history with no drop at all. */
function noDropDocument() {
  const doc = sampleDocument();
  return { ...doc, events: doc.events.filter((e) => e.id !== "l2") };
}

afterAll(closePool);

describeDatabases("explanation cache", (ctx) => {
  it("explains a large history on a worker thread, with the same rows as explaining it here", async () => {
    const db = ctx().prisma;
    const history = generateHistory({ years: 3, seed: 11 });
    expect(history.events.length).toBeGreaterThanOrEqual(WORKER_MIN_EVENTS);
    const now = new Date("2026-06-01T04:00:00Z");
    const before = poolStats().completed;
    const computed = await computeExplained(db, { history, now });
    expect(poolStats().completed).toBeGreaterThan(before);
    const here = explainHistory({ history, context: computed.explained().context, now });
    expect(computed.explainedJson).toBe(here.explainedJson);
    expect(computed.dashboardJson).toBe(here.dashboardJson);
    expect(computed.explained().explanation.drops.length).toBeGreaterThan(0);
  });

  it("computes once for requests that miss the same user's rows at the same time", async () => {
    const db = ctx().prisma;
    const history = generateHistory({ years: 3, seed: 12 });
    const now = new Date("2026-06-01T04:00:00Z");
    const [alone, together] = [await newUser(db), await newUser(db)];
    for (const u of [alone, together]) await importHistory(db, { userId: u.id, document: history });
    let before = poolStats().completed;
    const one = await cachedDashboard(db, { userId: alone.id, now });
    const tasksForOne = poolStats().completed - before;
    expect(tasksForOne).toBeGreaterThan(0);
    before = poolStats().completed;
    const three = await Promise.all([cachedDashboard(db, { userId: together.id, now }), cachedDashboard(db, { userId: together.id, now }), cachedExplanation(db, { userId: together.id, now })]);
    expect(poolStats().completed - before).toBe(tasksForOne);
    expect(three[0].json).toBe(three[1].json);
    expect(three[0].json).toBe(one.json);
    expect(three[2].explanation.drops.length).toBeGreaterThan(0);
  });

  it("serves the rows it just stored to its next read, before the change feed tells of them", async () => {
    const db = ctx().prisma;
    const user = await newUser(db);
    await importHistory(db, { userId: user.id, document: sampleDocument() });
    // A live feed whose notifications have not arrived yet.
    const silent: ChangeFeed = { live: true, onChange: () => () => {}, close: async () => {} };
    const cache = new ReadCache(silent);
    attachReadCache(db, () => cache);
    try {
      const first = await cachedExplanation(db, { userId: user.id });
      const again = await cachedExplanation(db, { userId: user.id });
      expect(again.computedAt).toEqual(first.computedAt);
    } finally {
      attachReadCache(db, () => undefined);
    }
  });

  it("explains a small history on the request thread (no pool round trip)", async () => {
    const db = ctx().prisma;
    const before = poolStats().completed;
    const computed = await computeExplained(db, { history: sampleDocument() as never, now: new Date() });
    expect(poolStats().completed).toBe(before);
    expect(computed.explained().explanation.drops.map((d) => d.date)).toEqual(["2025-03-30"]);
  });

  it("bumps the history version on import, edit and delete", async () => {
    const db = ctx().prisma;
    const user = await newUser(db);
    expect(await version(db, user.id)).toBe(0);
    await importHistory(db, { userId: user.id, document: sampleDocument() });
    expect(await version(db, user.id)).toBe(1);
    const row = await db.event.findFirstOrThrow({ where: { userId: user.id, eventId: "s1" } });
    await saveEvent(db, { userId: user.id, rowId: row.id, event: { type: "score", date: "2025-01-02", score: 700 }, newId: () => "unused" });
    expect(await version(db, user.id)).toBe(2);
    await deleteEvent(db, { userId: user.id, id: row.id });
    expect(await version(db, user.id)).toBe(3);
    // A refused delete (not the user's row) changes nothing, version included.
    await expect(deleteEvent(db, { userId: user.id, id: row.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await version(db, user.id)).toBe(3);
  });

  it("serves the stored result while nothing changed, and recomputes after an import", async () => {
    const db = ctx().prisma;
    const user = await newUser(db);
    await importHistory(db, { userId: user.id, document: noDropDocument() });
    const first = await cachedExplanation(db, { userId: user.id });
    expect(first.explanation.drops).toHaveLength(0);
    const again = await cachedExplanation(db, { userId: user.id });
    expect(again.computedAt.getTime()).toBe(first.computedAt.getTime());
    // The dashboard reads its part of the same row: no recompute either.
    const dash = await cachedDashboard(db, { userId: user.id });
    expect(dash.stamp.computedAt.getTime()).toBe(first.computedAt.getTime());

    await importHistory(db, { userId: user.id, document: sampleDocument() });
    const after = await cachedExplanation(db, { userId: user.id });
    expect(after.historyVersion).toBe(first.historyVersion + 1);
    expect(after.computedAt.getTime()).toBeGreaterThanOrEqual(first.computedAt.getTime());
    expect(after.explanation.drops.map((d) => d.date)).toEqual(["2025-03-30"]);
    const view = JSON.parse((await cachedDashboard(db, { userId: user.id })).json) as DashboardView;
    expect(view.drops.map((d) => d.date)).toEqual(["2025-03-30"]);
    expect(view.recentObservations[0]).toMatchObject({ id: "l2", kind: "limit", value: 12000 });
    const { history, explanation } = await cachedExplained(db, { userId: user.id });
    expect(history.events).toHaveLength(sampleDocument().events.length);
    expect(explanation).toEqual(after.explanation);
  });

  it("recomputes a result older than an hour (the platform context may have moved)", async () => {
    const db = ctx().prisma;
    const user = await newUser(db);
    await importHistory(db, { userId: user.id, document: sampleDocument() });
    const t0 = new Date();
    const first = await cachedExplanation(db, { userId: user.id, now: t0 });
    const within = await cachedExplanation(db, { userId: user.id, now: new Date(t0.getTime() + MAX_AGE_MS - 1000) });
    expect(within.computedAt.getTime()).toBe(first.computedAt.getTime());
    const later = new Date(t0.getTime() + MAX_AGE_MS + 1000);
    expect((await cachedExplanation(db, { userId: user.id, now: later })).computedAt.getTime()).toBe(later.getTime());
  });

  it("deletes the cache row with the user", async () => {
    const db = ctx().prisma;
    const user = await newUser(db);
    await importHistory(db, { userId: user.id, document: sampleDocument() });
    await cachedExplanation(db, { userId: user.id });
    expect(await db.explanationCache.count({ where: { userId: user.id } })).toBe(2);
    await db.user.delete({ where: { id: user.id } });
    expect(await db.explanationCache.count({ where: { userId: user.id } })).toBe(0);
    await expect(cachedExplanation(db, { userId: user.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("never serves another user's result", async () => {
    const db = ctx().prisma;
    const a = await newUser(db);
    const b = await newUser(db);
    await importHistory(db, { userId: a.id, document: sampleDocument() });
    await importHistory(db, { userId: b.id, document: noDropDocument() });
    // Same version on both (1), A's computed first: B must still get B's own.
    expect((await cachedExplanation(db, { userId: a.id })).explanation.drops).toHaveLength(1);
    expect((await cachedExplanation(db, { userId: b.id })).explanation.drops).toHaveLength(0);
    expect((JSON.parse((await cachedDashboard(db, { userId: b.id })).json) as DashboardView).drops).toHaveLength(0);
    expect((await cachedExplanation(db, { userId: a.id })).explanation.drops).toHaveLength(1);
    const rows = await db.explanationCache.findMany({ where: { userId: { in: [a.id, b.id] } }, select: { userId: true, kind: true } });
    const key = (r: { userId: string; kind: string }) => `${r.userId}/${r.kind}`;
    expect(rows.map(key).sort()).toEqual([a.id, b.id].flatMap((userId) => [EXPLAINED_KIND, DASHBOARD_KIND].map((kind) => key({ userId, kind }))).sort());
  });

  it("keeps only what the dashboard draws: top reasons, no steps or evidence ids", async () => {
    const db = ctx().prisma;
    const user = await newUser(db);
    await importHistory(db, { userId: user.id, document: sampleDocument() });
    const view = JSON.parse((await cachedDashboard(db, { userId: user.id })).json) as DashboardView;
    expect(view.drops[0]!.steps).toEqual([]);
    expect(view.drops[0]!.reasons.length).toBeLessThanOrEqual(3);
    expect(view.drops[0]!.reasons.every((r) => r.evidence.eventIds.length === 0)).toBe(true);
    expect(view.eventCount).toBe(sampleDocument().events.length);
    expect(view.observationCount).toBe(3);
  });
});
