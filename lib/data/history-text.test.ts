import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { generateHistory } from "@/lib/core/testing/generate";
import { describeDatabases } from "@/lib/db/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { exportHistory, importHistory, loadHistory } from "./history";
import { parseHistoryText, readHistoryText } from "./history-text";

const newUser = (db: PrismaClient) => db.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x" } });

describeDatabases("history as text", (ctx) => {
  it("reads in slices exactly the history loadHistory gives, in its order, derived ids and all", async () => {
    const db = ctx().prisma;
    const user = await newUser(db);
    const full = generateHistory({ years: 1, seed: 5 });
    const doc = { ...full, events: full.events.slice(0, 400) };
    // Id-less repeats on one day (derived ids) and several types on one day test the keyset's ties.
    const extra = [
      { type: "repayment" as const, date: "2024-03-01", amount: 10 },
      { type: "repayment" as const, date: "2024-03-01", amount: 10 },
      { type: "inquiry" as const, date: "2024-03-01", lender: "X" },
      { type: "borrow" as const, date: "2024-03-01", amount: 99, id: "zz" },
    ];
    await importHistory(db, { userId: user.id, document: { ...doc, events: [...doc.events, ...extra] } });
    const loaded = await loadHistory(db, { userId: user.id });
    for (const sliceRows of [1, 7, 100_000]) {
      const text = await readHistoryText(db, { userId: user.id, sliceRows });
      expect(text.events).toBe(loaded.events.length);
      expect(parseHistoryText(text)).toEqual(loaded);
    }
    // As exported (the sync API's GET): exactly exportHistory's document, derived ids left out.
    const exported = await exportHistory(db, { userId: user.id });
    expect(exported.events.filter((e) => e.id === undefined)).toHaveLength(3);
    for (const sliceRows of [7, 100_000]) {
      expect(parseHistoryText(await readHistoryText(db, { userId: user.id, sliceRows, form: "exported" }))).toEqual(exported);
    }
  });

  it("reads an empty history, and only the user's own events", async () => {
    const db = ctx().prisma;
    const empty = await newUser(db);
    const other = await newUser(db);
    await importHistory(db, { userId: other.id, document: generateHistory({ years: 1, seed: 6 }) });
    const text = await readHistoryText(db, { userId: empty.id, sliceRows: 3 });
    expect(text.events).toBe(0);
    expect(parseHistoryText(text)).toEqual(await loadHistory(db, { userId: empty.id }));
  });

  it("answers not_found for no such user", async () => {
    await expect(readHistoryText(ctx().prisma, { userId: "nobody" })).rejects.toMatchObject({ code: "not_found" });
  });
});
