import { describe, expect, test } from "vitest";
import { coreContext } from "./context";

describe("platform context schema", () => {
  test.each([
    [{ platformDropWeeks: [{ product: "Jiebei", weekStart: "2025-03-03", borrowersWithDrops: 40, borrowers: 200 }] }, true],
    [{}, true],
    [{ platformDropWeeks: [{ product: "Jiebei", weekStart: "2025-02-30", borrowersWithDrops: 1, borrowers: 2 }] }, false],
    [{ platformDropWeeks: [{ product: "Jiebei", weekStart: "2025-03-03", borrowersWithDrops: 3, borrowers: 2 }] }, false],
    [{ platformDropWeeks: [{ product: "Jiebei", weekStart: "2025-03-03", borrowersWithDrops: 1, borrowers: 0 }] }, false],
    [{ platformWeeks: [] }, false],
  ])("%o valid: %s", (input, valid) => {
    expect(coreContext.safeParse(input).success).toBe(valid);
  });
});
