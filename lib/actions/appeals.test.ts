import "./testing/mock-next";
import { beforeEach, expect, it } from "vitest";
import { sampleDocument } from "@/lib/api/v1/test-helpers";
import { describeDatabases } from "@/lib/db/test-db";
import { as, form, signInAsNewBorrower } from "./testing/harness";

const { recordFilingAction, saveAppealAction } = await import("./appeals");
const DROP = "2025-03-30"; // the sample borrower's 30,000 -> 12,000 cut

describeDatabases("appeal actions", (ctx) => {
  beforeEach(() => signInAsNewBorrower(ctx().prisma, sampleDocument()));

  it("saves a draft of one of the user's drops and records its filing", async () => {
    const body = "Please review the reduction of my credit limit.";
    expect(await saveAppealAction(null, form({ dropDate: DROP, language: "en", body }))).toEqual({ ok: true, data: null });
    expect(as.revalidated).toEqual([`/drops/${DROP}/appeal`]);
    const appeal = await ctx().prisma.appeal.findFirstOrThrow({ where: { userId: as.user!.id } });
    expect(appeal.body).toBe(body);
    const filing = form({ dropDate: DROP, appealId: appeal.id, filedAt: "2025-04-05", filedWith: "Alipay 95188", outcome: "pending" });
    expect(await recordFilingAction(null, filing)).toEqual({ ok: true, data: null });
    expect(await ctx().prisma.appeal.findUniqueOrThrow({ where: { id: appeal.id } })).toMatchObject({ filedWith: "Alipay 95188", outcome: "pending" });
  });

  it("refuses a short letter, a day without a drop, a filing in the future and an unknown appeal, storing nothing", async () => {
    expect(await saveAppealAction(null, form({ dropDate: DROP, language: "en", body: "too short" }))).toEqual({ ok: false, code: "invalid", fieldErrors: { body: "bodyShort" } });
    expect(await saveAppealAction(null, form({ dropDate: "2025-02-01", language: "en", body: "A letter for a day without any drop." }))).toEqual({ ok: false, code: "invalid" });
    const filing = (fields: Record<string, string>) => form({ dropDate: DROP, appealId: "nope", filedAt: "2025-04-05", filedWith: "x", outcome: "pending", ...fields });
    expect(await recordFilingAction(null, filing({ filedAt: "2999-01-01" }))).toEqual({ ok: false, code: "dateFuture" });
    expect(await recordFilingAction(null, filing({}))).toEqual({ ok: false, code: "invalid" });
    expect(await ctx().prisma.appeal.count({ where: { userId: as.user!.id } })).toBe(0);
  });
});
