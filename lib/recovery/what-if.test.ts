import { describe, expect, it } from "vitest";
import { plannedActions, whatIfQuery } from "./what-if";

describe("what-if query", () => {
  it("turns the form into planned actions", () => {
    const q = whatIfQuery.parse({ noNewApplications: "on", payDown: "0.3", income: "12000", horizon: "180" });
    expect(q.horizon).toBe(180);
    expect(plannedActions(q)).toEqual([{ type: "noNewApplications" }, { type: "payDown", toShare: 0.3 }, { type: "updateIncome", monthlyIncome: 12000 }]);
  });
  it("defaults to 90 days and no action", () => {
    const q = whatIfQuery.parse({});
    expect(q.horizon).toBe(90);
    expect(plannedActions(q)).toEqual([]);
  });
  it.each([{ horizon: "1000" }, { payDown: "0.9" }, { income: "-1" }])("rejects %j", (input) => {
    expect(whatIfQuery.safeParse(input).success).toBe(false);
  });
});
