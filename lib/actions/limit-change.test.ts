import { randomUUID } from "node:crypto";
import { beforeEach, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { cachedExplained } from "@/lib/data/explanation-cache";
import { exportHistory, importHistory } from "@/lib/data/history";
import { describeDatabases } from "@/lib/db/test-db";
import { todayInShanghai } from "@/lib/days";

// The action runs against the test database as whichever user `state.userId` names.
const state = vi.hoisted(() => ({ db: undefined as unknown, userId: "" }));
vi.mock("@/lib/db", () => ({
  get db() {
    return state.db;
  },
}));
vi.mock("@/lib/auth/session", () => ({ requireSession: async () => ({ user: { id: state.userId }, authAt: 0 }) }));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidatePath }));

const { recordLimitChangeAction } = await import("./limit-change");

describeDatabases("recordLimitChangeAction", (ctx) => {
  let db: PrismaClient;
  beforeEach(async () => {
    db = ctx().prisma;
    state.db = db;
    state.userId = (await db.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } })).id;
    revalidatePath.mockClear();
  });

  it("a new account's ¥30,000 → ¥0 today: two observations, a drop explained at once, and its page as the landing", async () => {
    const today = todayInShanghai();
    // The cached explanation of the empty history, which the write must invalidate.
    expect((await cachedExplained(db, { userId: state.userId })).explanation.drops).toEqual([]);
    expect(await recordLimitChangeAction({ previous: "30,000", current: "0", date: today, score: "" })).toEqual({ ok: true, data: { href: `/drops/${today}?recorded=1` } });
    const doc = await exportHistory(db, { userId: state.userId });
    expect(doc.events.map((e) => [e.type, e.date, e.type === "limit" ? e.limit : null, e.source])).toEqual([
      ["limit", new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10), 30000, "manual"],
      ["limit", today, 0, "manual"],
    ]);
    const { explanation } = await cachedExplained(db, { userId: state.userId });
    expect(explanation.drops.map((d) => [d.date, d.previousLimit, d.newLimit, d.kind])).toEqual([[today, 30000, 0, "cancellation"]]);
    expect(revalidatePath).toHaveBeenCalledWith("/", "layout");

    // A second tap on "save" adds nothing: the events' ids derive from their content.
    await recordLimitChangeAction({ previous: "30000", current: "0", date: today });
    expect(await db.event.count({ where: { userId: state.userId } })).toBe(2);
  });

  it("a second change on the same day corrects that day's limit instead of adding a second one", async () => {
    await recordLimitChangeAction({ previous: "30000", current: "0", date: "2026-03-17" });
    expect(await recordLimitChangeAction({ previous: "30000", current: "5000", date: "2026-03-17" })).toEqual({ ok: true, data: { href: "/drops/2026-03-17?recorded=1" } });
    const doc = await exportHistory(db, { userId: state.userId });
    expect(doc.events.map((e) => [e.date, e.type === "limit" ? e.limit : null])).toEqual([["2026-03-16", 30000], ["2026-03-17", 5000]]);
    const { explanation } = await cachedExplained(db, { userId: state.userId });
    expect(explanation.drops.map((d) => [d.previousLimit, d.newLimit, d.kind])).toEqual([[30000, 5000, "decrease"]]);
  });

  it("asks for the previous value only when no limit is on file before the day", async () => {
    expect(await recordLimitChangeAction({ current: "0", date: "2026-03-17" })).toEqual({ ok: false, code: "invalid", fieldErrors: { previous: "previousRequired" } });
    expect(await db.event.count({ where: { userId: state.userId } })).toBe(0);
    await importHistory(db, { userId: state.userId, document: { format: "credit-health-history", version: 1, events: [{ type: "limit", date: "2026-01-05", limit: 20000 }] } });
    expect(await recordLimitChangeAction({ current: "5000", date: "2026-03-17" })).toEqual({ ok: true, data: { href: "/drops/2026-03-17?recorded=1" } });
    expect(await recordLimitChangeAction({ current: "8000", date: "2026-03-20" })).toEqual({ ok: true, data: { href: "/dashboard?recorded=rise" } });
  });

  it("answers the form's errors and stores nothing: bad text, a future day, a score off the user's scale", async () => {
    expect(await recordLimitChangeAction({ previous: "x", current: "0", date: "2026-03-17" })).toEqual({ ok: false, code: "invalid", fieldErrors: { previous: "notAmount" } });
    expect(await recordLimitChangeAction({ previous: "1", current: "0", date: "2999-01-01" })).toEqual({ ok: false, code: "invalid", fieldErrors: { date: "future" } });
    expect(await recordLimitChangeAction({ previous: "1", current: "0", date: "2026-03-17", score: "2000" })).toEqual({ ok: false, code: "invalid", fieldErrors: { score: "notScore" } });
    expect(await recordLimitChangeAction("not an object")).toMatchObject({ ok: false, code: "invalid" });
    // A form post arrives as FormData: the guard reads it the same way.
    const post = new FormData();
    post.set("previous", "30000");
    post.set("current", "0");
    post.set("date", "2999-01-01");
    expect(await recordLimitChangeAction(null, post)).toEqual({ ok: false, code: "invalid", fieldErrors: { date: "future" } });
    expect(await db.event.count({ where: { userId: state.userId } })).toBe(0);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("writes only the signed-in user's history", async () => {
    const other = (await db.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } })).id;
    await recordLimitChangeAction({ previous: "30000", current: "0", date: "2026-03-17" });
    expect(await db.event.count({ where: { userId: other } })).toBe(0);
    expect(await db.event.count({ where: { userId: state.userId } })).toBe(2);
  });
});
