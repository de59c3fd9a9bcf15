import { randomUUID } from "node:crypto";
import { afterAll, expect, it } from "vitest";
import { generateHistory } from "@/lib/core/testing/generate";
import { describeDatabases } from "@/lib/db/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { exportEventsCsv } from "@/lib/history/export-csv";
import { closePool, poolStats } from "@/lib/workers/pool";
import { WORKER_MIN_EVENTS } from "@/lib/workers/by-size";
import { exportForDownload } from "./exports";
import { exportHistory, importHistory } from "./history";

const newUser = (db: PrismaClient) => db.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } });
const now = new Date("2026-06-01T04:00:00Z");

afterAll(closePool);

describeDatabases("history file downloads", (ctx) => {
  it("downloads exactly the exported history, derived ids left out, as JSON and CSV, with an audit row each", async () => {
    const db = ctx().prisma;
    const user = await newUser(db);
    const full = generateHistory({ years: 1, seed: 8 });
    const idless = [{ type: "repayment" as const, date: "2024-03-01", amount: 10 }];
    await importHistory(db, { userId: user.id, document: { ...full, events: [...full.events.slice(0, 300), ...idless] } });
    const doc = await exportHistory(db, { userId: user.id });
    expect(doc.events.some((e) => e.id === undefined)).toBe(true);
    const json = await exportForDownload(db, { userId: user.id, format: "json", now });
    expect(json).toMatchObject({ fileName: "credit-health-2026-06-01.json", events: doc.events.length });
    expect(JSON.parse(json.body)).toEqual(doc);
    const csv = await exportForDownload(db, { userId: user.id, format: "csv", now });
    expect(csv.body).toBe(exportEventsCsv(doc));
    expect(await db.auditLog.count({ where: { userId: user.id, action: "export" } })).toBe(2);
  });

  it("formats a large history in the worker pool, the same file as formatted here", async () => {
    const db = ctx().prisma;
    const user = await newUser(db);
    const history = generateHistory({ years: 3, seed: 11 });
    expect(history.events.length).toBeGreaterThanOrEqual(WORKER_MIN_EVENTS);
    await importHistory(db, { userId: user.id, document: history });
    const doc = await exportHistory(db, { userId: user.id });
    const before = poolStats().completed;
    const json = await exportForDownload(db, { userId: user.id, format: "json", now });
    const csv = await exportForDownload(db, { userId: user.id, format: "csv", now });
    expect(poolStats().completed).toBe(before + 2);
    expect(JSON.parse(json.body)).toEqual(doc);
    expect(csv.body).toBe(exportEventsCsv(doc));
  });
});
