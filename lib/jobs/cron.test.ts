import { describe, expect, it } from "vitest";
import { nextRun } from "./cron";

describe("nextRun reads cron in Asia/Shanghai", () => {
  it.each([
    // Every minute: the next whole minute.
    ["* * * * *", "2026-12-01T08:00:30Z", "2026-12-01T08:01:00.000Z"],
    // 09:00 Shanghai is 01:00 UTC.
    ["0 9 * * *", "2026-12-01T00:59:00Z", "2026-12-01T01:00:00.000Z"],
    ["0 9 * * *", "2026-12-01T01:00:00Z", "2026-12-02T01:00:00.000Z"],
    // Monday 09:00 Shanghai; 2026-12-06 is a Sunday, and Sunday 20:00 UTC is already Monday 04:00 in Shanghai.
    ["0 9 * * 1", "2026-12-06T20:00:00Z", "2026-12-07T01:00:00.000Z"],
    ["5 * * * *", "2026-12-01T08:05:00Z", "2026-12-01T09:05:00.000Z"],
  ])("%s after %s is %s", (cron, from, want) => {
    expect(nextRun(cron, new Date(from)).toISOString()).toBe(want);
  });

  it("refuses an invalid expression", () => {
    expect(() => nextRun("61 * * * *", new Date())).toThrow();
  });
});
