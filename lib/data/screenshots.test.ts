import { expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { loadHistory } from "./history";
import { saveScreenshotObservations } from "./screenshots";

let seq = 0;
const NOW = new Date("2026-12-01T08:00:00Z");

describeDatabases("screenshot observations", (ctx) => {
  const newUser = async () => (await ctx().prisma.user.create({ data: { email: `ss${++seq}-${Date.now()}@example.com`, passwordHash: "x" } })).id;
  const input = {
    screenshots: 3,
    observations: [
      { type: "limit" as const, product: "Jiebei" as const, value: 30000, date: "2026-09-03" },
      { type: "limit" as const, product: "Jiebei" as const, value: 12000, date: "2026-10-18" },
      { type: "limit" as const, product: "Huabei" as const, value: 8000, date: "2026-10-18" },
      { type: "score" as const, product: "Sesame" as const, value: 712, date: "2026-10-18" },
    ],
  };

  it("saves limits of the history's product and scores once; the same screenshots again add nothing", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    expect(await saveScreenshotObservations(prisma, { userId, input, now: NOW })).toEqual({ added: 3, updated: 0, unchanged: 0, observations: 3, otherProduct: 1 });
    const doc = await loadHistory(prisma, { userId });
    expect(doc.events.map((e) => [e.type, e.date, e.type === "limit" ? e.limit : e.type === "score" ? e.score : null, e.source])).toEqual([
      ["limit", "2026-09-03", 30000, "import:screenshot"],
      ["score", "2026-10-18", 712, "import:screenshot"],
      ["limit", "2026-10-18", 12000, "import:screenshot"],
    ]);
    expect(await saveScreenshotObservations(prisma, { userId, input, now: NOW })).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(await prisma.event.count({ where: { userId } })).toBe(3);
    const audit = await prisma.auditLog.findMany({ where: { userId, action: "import.screenshot" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.detail)).toEqual([
      { screenshots: 3, observations: 3 },
      { screenshots: 3, observations: 0 },
    ]);
  });

  it("a future date or a score off the scale stores nothing", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const bad = { screenshots: 1, observations: [input.observations[0]!, { type: "score" as const, product: "Sesame" as const, value: 990, date: "2026-10-18" }] };
    await expect(saveScreenshotObservations(prisma, { userId, input: bad, now: NOW })).rejects.toMatchObject({ code: "validation_failed" });
    const future = { screenshots: 1, observations: [{ ...input.observations[0]!, date: "2027-01-01" }] };
    await expect(saveScreenshotObservations(prisma, { userId, input: future, now: NOW })).rejects.toMatchObject({ code: "validation_failed" });
    expect(await prisma.event.count({ where: { userId } })).toBe(0);
  });
});
