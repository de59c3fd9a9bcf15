import { expect, it } from "vitest";
import type { Drop } from "@/lib/core";
import { describeDatabases } from "@/lib/db/test-db";
import { sampleDocument } from "@/lib/api/v1/test-helpers";
import { loadHistory, importHistory } from "./history";
import { listLimitObservations, listStepStates, setStepStatus } from "./recovery";

const drop = (date: string): Drop => ({
  date, previousLimit: 30000, newLimit: 0, kind: "cancellation", temporary: false, eventId: "l",
  reasons: [], steps: [{ code: "UPDATE_INCOME", reasonCodes: [] }, { code: "FILE_APPEAL", reasonCodes: [] }],
});

let seq = 0;
describeDatabases("recovery step statuses", (ctx) => {
  const newUser = async () => (await ctx().prisma.user.create({ data: { email: `rc${++seq}-${Date.now()}@example.com`, passwordHash: "x" } })).id;

  it("records done and skipped with dates, forgets on todo, and never shows another user's rows", async () => {
    const { prisma } = ctx();
    const [me, other] = [await newUser(), await newUser()];
    const d = drop("2025-03-30");
    await setStepStatus(prisma, { userId: me, dropDate: d.date, stepCode: "UPDATE_INCOME", status: "done", on: "2025-04-02" });
    await setStepStatus(prisma, { userId: me, dropDate: d.date, stepCode: "FILE_APPEAL", status: "skipped", on: "2025-04-03" });
    await setStepStatus(prisma, { userId: other, dropDate: d.date, stepCode: "UPDATE_INCOME", status: "skipped", on: "2025-04-05" });
    expect((await listStepStates(prisma, { userId: me, drops: [d] })).get(d.date)).toEqual([
      { code: "UPDATE_INCOME", status: "done", on: "2025-04-02" },
      { code: "FILE_APPEAL", status: "skipped", on: "2025-04-03" },
    ]);
    // Updating is an upsert, not a second row.
    await setStepStatus(prisma, { userId: me, dropDate: d.date, stepCode: "UPDATE_INCOME", status: "done", on: "2025-04-10" });
    await setStepStatus(prisma, { userId: me, dropDate: d.date, stepCode: "FILE_APPEAL", status: "todo", on: "2025-04-10" });
    expect((await listStepStates(prisma, { userId: me, drops: [d] })).get(d.date)).toEqual([
      { code: "UPDATE_INCOME", status: "done", on: "2025-04-10" },
      { code: "FILE_APPEAL", status: "todo", on: null },
    ]);
    expect(await prisma.recoveryStepStatus.count({ where: { userId: me } })).toBe(1);
    expect((await listStepStates(prisma, { userId: other, drops: [d] })).get(d.date)![0]).toEqual({ code: "UPDATE_INCOME", status: "skipped", on: "2025-04-05" });
  });

  it("lists the user's limit observations as the loaded history holds them, and no one else's", async () => {
    const { prisma } = ctx();
    const [me, other] = [await newUser(), await newUser()];
    await importHistory(prisma, { userId: me, document: sampleDocument() });
    await importHistory(prisma, { userId: other, document: { ...sampleDocument(), events: [{ id: "x", type: "limit", date: "2020-01-01", limit: 1 }] } });
    const fromHistory = (await loadHistory(prisma, { userId: me })).events.flatMap((e) => (e.type === "limit" ? [{ type: "limit", date: e.date, limit: e.limit }] : []));
    const sort = <T extends { date: string }>(xs: T[]) => [...xs].sort((a, b) => a.date.localeCompare(b.date));
    expect(fromHistory.length).toBeGreaterThan(1);
    expect(sort(await listLimitObservations(prisma, { userId: me }))).toEqual(sort(fromHistory));
  });
});
