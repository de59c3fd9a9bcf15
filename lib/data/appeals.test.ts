import { expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { listAppeals, recordFiling, saveAppeal } from "./appeals";

let seq = 0;
describeDatabases("appeals", (ctx) => {
  const newUser = async () => (await ctx().prisma.user.create({ data: { email: `ap${++seq}-${Date.now()}@example.com`, passwordHash: "x" } })).id;

  it("keeps one draft per language, records filing, and refuses another user's appeal", async () => {
    const { prisma } = ctx();
    const [me, other] = [await newUser(), await newUser()];
    const id = await saveAppeal(prisma, { userId: me, dropDate: "2025-03-30", language: "en", body: "first draft of the letter" });
    expect(await saveAppeal(prisma, { userId: me, dropDate: "2025-03-30", language: "en", body: "second draft of the letter" })).toBe(id);
    await saveAppeal(prisma, { userId: me, dropDate: "2025-03-30", language: "zh", body: "中文申诉信草稿内容内容内容" });
    expect(await recordFiling(prisma, { userId: other, appealId: id, dropDate: "2025-03-30", filedAt: "2025-04-02", filedWith: "x", outcome: "pending" })).toBe(false);
    expect(await recordFiling(prisma, { userId: me, appealId: id, dropDate: "2025-03-30", filedAt: "2025-04-02", filedWith: "Alipay 95188", outcome: "pending" })).toBe(true);
    const list = await listAppeals(prisma, { userId: me, dropDate: "2025-03-30" });
    expect(list).toHaveLength(2);
    expect(list.find((a) => a.id === id)).toMatchObject({ body: "second draft of the letter", filedAt: "2025-04-02", filedWith: "Alipay 95188", outcome: "pending" });
    // A filed letter is not overwritten: the next save starts a new draft.
    expect(await saveAppeal(prisma, { userId: me, dropDate: "2025-03-30", language: "en", body: "a fresh draft after filing" })).not.toBe(id);
    expect(await listAppeals(prisma, { userId: other, dropDate: "2025-03-30" })).toEqual([]);
  });
});
