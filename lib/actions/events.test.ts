import { randomUUID } from "node:crypto";
import { beforeEach, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { exportHistory, importHistory } from "@/lib/data/history";
import { describeDatabases } from "@/lib/db/test-db";

// The actions run against the test database as whichever user `state.userId` names.
const state = vi.hoisted(() => ({ db: undefined as unknown, userId: "" }));
vi.mock("@/lib/db", () => ({
  get db() {
    return state.db;
  },
}));
vi.mock("@/lib/auth/session", () => ({ requireSession: async () => ({ user: { id: state.userId }, authAt: 0 }) }));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidatePath }));

const { deleteEventAction, saveEventAction } = await import("./events");

describeDatabases("event actions", (ctx) => {
  let db: PrismaClient;
  beforeEach(async () => {
    db = ctx().prisma;
    state.db = db;
    state.userId = (await db.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x", scoreMin: 300, scoreMax: 850 } })).id;
    revalidatePath.mockClear();
  });

  it("adds an event through the history store, keeps the borrower's score scale, and revalidates", async () => {
    expect(await saveEventAction({ event: { type: "score", date: "2025-01-02", score: 320 } })).toEqual({ ok: true, data: null });
    const doc = await exportHistory(db, { userId: state.userId });
    expect(doc.borrower.scoreScale).toEqual({ min: 300, max: 850 });
    expect(doc.events).toEqual([{ id: expect.stringMatching(/^manual-/), type: "score", date: "2025-01-02", score: 320, source: "manual" }]);
    expect(revalidatePath).toHaveBeenCalledWith("/", "layout");
  });

  it("answers field errors from the schema and from the store's checks, storing nothing", async () => {
    expect(await saveEventAction({ event: { type: "borrow", date: "2025-01-02", amount: -1 } })).toEqual({ ok: false, code: "invalid", fieldErrors: { amount: "must be a non-negative number" } });
    expect(await saveEventAction({ event: { type: "score", date: "2025-01-02", score: 900 } })).toMatchObject({ ok: false, fieldErrors: { score: expect.stringContaining("300–850") } });
    expect(await saveEventAction({ event: { type: "limit", date: "2999-01-01", limit: 1 } })).toMatchObject({ ok: false, fieldErrors: { date: expect.stringContaining("future") } });
    expect(await db.event.count({ where: { userId: state.userId } })).toBe(0);
  });

  it("edits in place (same event id, even a derived one) and deletes only the owner's rows", async () => {
    await importHistory(db, { userId: state.userId, document: { format: "credit-health-history", version: 1, events: [{ type: "repayment", date: "2025-02-01", amount: 100 }] } });
    const row = await db.event.findFirstOrThrow({ where: { userId: state.userId } });
    expect(await saveEventAction({ rowId: row.id, event: { type: "repayment", date: "2025-02-03", amount: 150 } })).toEqual({ ok: true, data: null });
    const after = await db.event.findMany({ where: { userId: state.userId } });
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: row.id, eventId: row.eventId, payload: { type: "repayment", date: "2025-02-03", amount: 150, id: row.eventId } });

    const owner = state.userId;
    state.userId = (await db.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } })).id;
    expect(await saveEventAction({ rowId: row.id, event: { type: "repayment", date: "2025-02-03", amount: 1 } })).toEqual({ ok: false, code: "notFound" });
    expect(await deleteEventAction(row.id)).toEqual({ ok: false, code: "notFound" });
    state.userId = owner;
    expect(await deleteEventAction(row.id)).toEqual({ ok: true, data: null });
    expect(await db.event.count({ where: { userId: owner } })).toBe(0);
  });
});
