import "./testing/mock-next";
import { beforeEach, expect, it } from "vitest";
import { sampleDocument } from "@/lib/api/v1/test-helpers";
import { explain } from "@/lib/core";
import { loadHistory } from "@/lib/data/history";
import { describeDatabases } from "@/lib/db/test-db";
import { as, form, signInAsNewBorrower } from "./testing/harness";

const { setStepStatusAction } = await import("./recovery");
const DROP = "2025-03-30";

describeDatabases("recovery step action", (ctx) => {
  let stepCode: string;
  beforeEach(async () => {
    const userId = await signInAsNewBorrower(ctx().prisma, sampleDocument());
    stepCode = explain(await loadHistory(ctx().prisma, { userId })).drops.find((d) => d.date === DROP)!.steps[0]!.code;
  });
  const rows = () => ctx().prisma.recoveryStepStatus.findMany({ where: { userId: as.user!.id } });

  it("marks a step done on a date (today when the date is left empty) and undoes it", async () => {
    expect(await setStepStatusAction(null, form({ dropDate: DROP, stepCode, status: "done", on: "2025-04-02" }))).toEqual({ ok: true, data: null });
    expect(await rows()).toMatchObject([{ stepCode, status: "done", doneAt: new Date("2025-04-02T00:00:00Z") }]);
    expect(as.revalidated).toEqual([`/drops/${DROP}`, "/recovery"]);
    expect(await setStepStatusAction(null, form({ dropDate: DROP, stepCode, status: "skipped", on: "" }))).toMatchObject({ ok: true });
    expect((await rows())[0]).toMatchObject({ status: "skipped", doneAt: expect.any(Date) });
    expect((await rows())[0]!.doneAt!.getTime()).toBeGreaterThan(new Date("2025-04-02").getTime());
    expect(await setStepStatusAction(null, form({ dropDate: DROP, stepCode, status: "todo" }))).toMatchObject({ ok: true });
  });

  it("refuses a future date, a step the core does not list and a made-up drop", async () => {
    expect(await setStepStatusAction(null, form({ dropDate: DROP, stepCode, status: "done", on: "2999-01-01" }))).toEqual({ ok: false, code: "invalid" });
    expect(await setStepStatusAction(null, form({ dropDate: "2025-02-01", stepCode, status: "done" }))).toEqual({ ok: false, code: "unknownStep" });
    expect(await setStepStatusAction(null, form({ dropDate: DROP, stepCode: "NO_SUCH_STEP", status: "done" }))).toMatchObject({ ok: false, code: "invalid" });
    expect(await rows()).toEqual([]);
  });
});
