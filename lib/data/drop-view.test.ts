import { randomUUID } from "node:crypto";
import { afterAll, expect, it } from "vitest";
import { appealFacts } from "@/lib/appeal/facts";
import { simulate } from "@/lib/core";
import { generateHistory } from "@/lib/core/testing/generate";
import { dayNumber } from "@/lib/core/days";
import { sampleDocument } from "@/lib/api/v1/test-helpers";
import { describeDatabases } from "@/lib/db/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { learnedFromHistory, missingData } from "@/lib/limit-change/summary";
import { buildDropZoom } from "@/lib/timeline/build";
import { closePool, poolStats, run } from "@/lib/workers/pool";
import { appealFactsOf } from "./appeals";
import { findDrop, getDropView, missingDataOf } from "./drop-view";
import { dropZoomOf } from "./drop-window";
import { WORKER_MIN_EVENTS } from "@/lib/workers/by-size";
import { cachedExplanation } from "./explanation-cache";
import { importHistory, loadHistory } from "./history";
import { simulateHistory } from "./what-if";

const newUser = (db: PrismaClient) => db.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } });

afterAll(closePool);

/** A user with a generated history large enough for the worker pool's paths. */
async function largeBorrower(db: PrismaClient) {
  const user = await newUser(db);
  await importHistory(db, { userId: user.id, document: generateHistory({ years: 3, seed: 11 }) });
  const history = await loadHistory(db, { userId: user.id });
  expect(history.events.length).toBeGreaterThanOrEqual(WORKER_MIN_EVENTS);
  const { explanation, historyVersion } = await cachedExplanation(db, { userId: user.id });
  expect(explanation.drops.length).toBeGreaterThan(1);
  return { userId: user.id, history, explanation, historyVersion };
}

describeDatabases("drop pages' reads", (ctx) => {
  it("draws each drop's chart from the rows around it exactly as from the whole history", async () => {
    const db = ctx().prisma;
    const { userId, history, explanation } = await largeBorrower(db);
    for (const drop of explanation.drops) {
      const zoom = await dropZoomOf(db, { userId, drops: explanation.drops, drop });
      expect(zoom).toEqual(buildDropZoom(history, explanation, drop.date));
    }
  });

  it("cuts the chart at the history's edges and opens it with the values in force before it", async () => {
    const db = ctx().prisma;
    for (const old of [[], [
      // Two years before the drop: the chart starts 180 days before it, with these values in force.
      { id: "l0", type: "limit" as const, date: "2023-01-02", limit: 40000 },
      { id: "l0b", type: "limit" as const, date: "2023-01-02T20:00:00+08:00", limit: 35000 },
      { id: "s0", type: "score" as const, date: "2023-01-05", score: 650 },
      { id: "b0", type: "borrow" as const, date: "2023-02-01", amount: 900 },
    ]]) {
      const user = await newUser(db);
      const doc = sampleDocument();
      // Without l1 and s1 the values in force at the chart's start come from 2023 alone.
      const events = old.length ? [...old, ...doc.events.filter((e) => e.id !== "l1" && e.id !== "s1")] : doc.events;
      await importHistory(db, { userId: user.id, document: { ...doc, events } });
      const history = await loadHistory(db, { userId: user.id });
      const { explanation } = await cachedExplanation(db, { userId: user.id });
      const drop = explanation.drops.find((d) => d.date === "2025-03-30")!;
      const zoom = await dropZoomOf(db, { userId: user.id, drops: explanation.drops, drop });
      expect(zoom).toEqual(buildDropZoom(history, explanation, drop.date));
      if (old.length) expect(zoom?.range.limit[0]).toEqual([dayNumber("2025-03-30") - 180, 35000]);
    }
  });

  it("draws the same chart on a worker thread (for a window of many events)", async () => {
    const db = ctx().prisma;
    const { history, explanation } = await largeBorrower(db);
    const drop = explanation.drops[0]!;
    const span = { firstDay: dayNumber(history.events[0]!.date.slice(0, 10)), lastDay: dayNumber(history.events.at(-1)!.date.slice(0, 10)) };
    const zoom = await run("drop.zoom", { historyJson: JSON.stringify(history), drops: explanation.drops, date: drop.date, span });
    expect(zoom).toEqual(buildDropZoom(history, explanation, drop.date));
  });

  it("measures the appeal letter's facts in the worker pool for a large history, the same as here", async () => {
    const db = ctx().prisma;
    const { userId, history, explanation, historyVersion } = await largeBorrower(db);
    const drop = explanation.drops.at(-1)!;
    const before = poolStats().completed;
    const facts = await appealFactsOf(db, { userId, drop, today: "2025-12-31", historyVersion });
    expect(poolStats().completed).toBeGreaterThan(before);
    expect(facts).toEqual(appealFacts(history, drop, "2025-12-31"));
    expect(facts.firstDate).toBe(history.events[0]!.date.slice(0, 10));
  });

  it("measures a small history's facts here", async () => {
    const db = ctx().prisma;
    const user = await newUser(db);
    await importHistory(db, { userId: user.id, document: sampleDocument() });
    const history = await loadHistory(db, { userId: user.id });
    const ref = (await findDrop(db, { userId: user.id, date: "2025-03-30" }))!;
    const before = poolStats().completed;
    const facts = await appealFactsOf(db, { userId: user.id, drop: ref.drop, today: "2025-04-20", historyVersion: ref.historyVersion });
    expect(poolStats().completed).toBe(before);
    expect(facts).toEqual(appealFacts(history, ref.drop, "2025-04-20"));
  });

  it("tells which kinds of data are missing from the kinds stored, as from every event", async () => {
    const db = ctx().prisma;
    const large = await largeBorrower(db);
    expect(await missingDataOf(db, { userId: large.userId })).toEqual(missingData(learnedFromHistory(large.history.events)));
    const small = await newUser(db);
    await importHistory(db, { userId: small.id, document: sampleDocument() });
    const events = (await loadHistory(db, { userId: small.id })).events;
    expect(await missingDataOf(db, { userId: small.id })).toEqual(missingData(learnedFromHistory(events)));
    const none = await newUser(db);
    expect(await missingDataOf(db, { userId: none.id })).toEqual(["profile", "bill", "applications"]);
  });

  it("finds only the user's own drops, by a real date", async () => {
    const db = ctx().prisma;
    const owner = await newUser(db);
    const other = await newUser(db);
    await importHistory(db, { userId: owner.id, document: sampleDocument() });
    await importHistory(db, { userId: other.id, document: { ...sampleDocument(), events: sampleDocument().events.slice(0, 1) } });
    const view = await getDropView(db, { userId: owner.id, date: "2025-03-30" });
    expect(view?.drop.date).toBe("2025-03-30");
    expect(view?.limits.length).toBeGreaterThan(0);
    expect(view?.borrower.currency).toBe("CNY");
    expect(await getDropView(db, { userId: other.id, date: "2025-03-30" })).toBeNull();
    expect(await findDrop(db, { userId: owner.id, date: "2025-03-31" })).toBeNull();
    expect(await findDrop(db, { userId: owner.id, date: "2025-02-30" })).toBeNull();
  });

  it("simulates a large history in the worker pool, as simulate does here", async () => {
    const db = ctx().prisma;
    const { userId, history, explanation } = await largeBorrower(db);
    void explanation;
    const actions = [{ type: "noNewApplications" as const }];
    const before = poolStats().completed;
    const sim = await simulateHistory(db, { userId, actions, horizonDays: 90, context: {} });
    expect(poolStats().completed).toBeGreaterThan(before);
    expect(sim).toEqual(simulate(history, actions, 90, { context: {} }));
  });
});
