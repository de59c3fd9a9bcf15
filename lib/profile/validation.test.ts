import { describe, expect, it } from "vitest";
import { currentProfile, profileEvent, profileForm } from "./validation";

describe("profileForm", () => {
  it("reads a submitted form into a profile event", () => {
    const form = profileForm.parse({
      monthlyIncome: "15,000", employment: "employed", employer: " Example Ltd ", identityVerified: "on",
      bankCardLinked: "on", phoneVerified: undefined, incomeProofOnFile: "on", effectiveDate: "2024-06-01", drop: "2025-03-30",
    });
    expect(profileEvent(form)).toEqual({
      id: "ui-profile-2024-06-01", type: "profile", date: "2024-06-01", source: "manual", monthlyIncome: 15000, employment: "employed",
      employer: "Example Ltd", identityVerified: true, bankCardLinked: true, phoneVerified: false, incomeProofOnFile: true,
    });
  });

  it.each([
    [{ monthlyIncome: "-5" }, "monthlyIncome"],
    [{ monthlyIncome: "abc" }, "monthlyIncome"],
    [{ employment: "astronaut" }, "employment"],
    [{ effectiveDate: "2024-02-30" }, "effectiveDate"],
  ])("rejects %j", (patch, path) => {
    const res = profileForm.safeParse({ effectiveDate: "2024-06-01", ...patch });
    expect(res.success).toBe(false);
    expect(res.error!.issues[0]!.path[0]).toBe(path);
  });

  it.each([[{}], [{ effectiveDate: "" }]])("asks for the true-since date rather than assuming today (%j)", (patch) => {
    const res = profileForm.safeParse({ monthlyIncome: "12000", ...patch });
    expect(res.success).toBe(false);
    expect(res.error!.issues.filter((i) => i.path[0] === "effectiveDate").map((i) => i.message)).toEqual(["dateRequired"]);
  });

  it("leaves income out when the field is empty", () => {
    expect(profileEvent(profileForm.parse({ monthlyIncome: "", effectiveDate: "2024-06-01" })).monthlyIncome).toBeUndefined();
  });
});

describe("currentProfile", () => {
  it("keeps earlier values for fields a later event leaves out", () => {
    expect(
      currentProfile([
        { type: "profile", date: "2024-01-01", monthlyIncome: 9000, employer: "A" },
        { type: "limit", date: "2024-02-01" },
        { type: "profile", date: "2024-03-01", employer: "B" },
      ] as never),
    ).toEqual({ monthlyIncome: 9000, employer: "B" });
  });
});
