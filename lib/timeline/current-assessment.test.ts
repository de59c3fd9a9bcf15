import { describe, expect, it } from "vitest";
import type { HistoryEvent } from "@/lib/history/schema";
import { currentAssessment } from "./current-assessment";
import { todayInShanghai } from "@/lib/days";

const borrower = { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } };
const events: HistoryEvent[] = [
  { id: "l", type: "limit", date: "2025-01-01", limit: 30000 },
  { id: "a", type: "activity", date: "2025-06-01" },
];

describe("todayInShanghai", () => {
  it("is already tomorrow in Shanghai at 17:00 UTC", () => {
    expect(todayInShanghai(new Date("2025-06-01T17:00:00Z"))).toBe("2025-06-02");
    expect(todayInShanghai(new Date("2025-06-01T15:00:00Z"))).toBe("2025-06-01");
  });
});

describe("currentAssessment", () => {
  it("assesses at today while the data are fresh", () => {
    const r = currentAssessment({ events, borrower }, {}, new Date("2025-06-20T04:00:00Z"));
    expect(r.stale).toBe(false);
    expect(r.assessment?.asOf).toBe("2025-06-20");
  });

  it("assesses a stale history at its last day, so missing data is not read as inactivity", () => {
    const r = currentAssessment({ events, borrower }, {}, new Date("2026-11-20T04:00:00Z"));
    expect(r.stale).toBe(true);
    expect(r.assessment?.asOf).toBe("2025-06-01");
    expect(r.assessment?.active.map((s) => s.code)).not.toContain("LOW_ACTIVITY");
  });

  it("has nothing to assess without events", () => {
    expect(currentAssessment({ events: [], borrower }, {})).toEqual({ assessment: null, stale: false });
  });
});
