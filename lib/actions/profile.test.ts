import "./testing/mock-next";
import { beforeEach, expect, it } from "vitest";
import { sampleDocument } from "@/lib/api/v1/test-helpers";
import { exportHistory } from "@/lib/data/history";
import { describeDatabases } from "@/lib/db/test-db";
import { as, form, outcome, signInAsNewBorrower } from "./testing/harness";

const { saveProfileAction } = await import("./profile");
const DROP = "2025-03-30";

describeDatabases("profile action", (ctx) => {
  beforeEach(() => signInAsNewBorrower(ctx().prisma, sampleDocument()));

  it("stores the profile as a profile event and sends the borrower back to the drop, or to the dashboard", async () => {
    const toDrop = await outcome(() => saveProfileAction(null, form({ monthlyIncome: "18,000", effectiveDate: "2025-01-05", identityVerified: "on", drop: DROP })));
    expect(toDrop).toMatch(new RegExp(`^REDIRECT:/drops/${DROP}\\?updated=1`));
    const profile = (await exportHistory(ctx().prisma, { userId: as.user!.id })).events.find((e) => e.id === "ui-profile-2025-01-05");
    expect(profile).toMatchObject({ type: "profile", monthlyIncome: 18000, identityVerified: true, bankCardLinked: false });
    expect(await outcome(() => saveProfileAction(null, form({ effectiveDate: "2025-01-06" })))).toBe("REDIRECT:/dashboard");
  });

  it("answers field errors (message keys) and stores nothing", async () => {
    const before = await ctx().prisma.event.count({ where: { userId: as.user!.id } });
    expect(await saveProfileAction(null, form({ monthlyIncome: "-5", effectiveDate: "2025-01-05" }))).toEqual({ ok: false, code: "invalid", fieldErrors: { monthlyIncome: "incomeInvalid" } });
    expect(await saveProfileAction(null, form({ effectiveDate: "2999-01-01" }))).toEqual({ ok: false, code: "invalid", fieldErrors: { effectiveDate: "dateFuture" } });
    // The true-since date is asked for, never assumed to be today.
    expect(await saveProfileAction(null, form({ monthlyIncome: "9000", effectiveDate: "" }))).toEqual({ ok: false, code: "invalid", fieldErrors: { effectiveDate: "dateRequired" } });
    expect(await saveProfileAction(null, form({ effectiveDate: "2025-01-05", employment: "astronaut" }))).toEqual({ ok: false, code: "invalid", fieldErrors: { employment: "invalid" } });
    expect(await ctx().prisma.event.count({ where: { userId: as.user!.id } })).toBe(before);
  });
});
