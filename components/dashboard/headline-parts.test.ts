import { describe, expect, it } from "vitest";
import { headlineParts } from "./headline-parts";

const now = (change: { day: string; from: number; to: number } | null) => ({ limit: change?.to ?? 5000, day: "2026-03-20", change, score: null });

describe("headlineParts", () => {
  it("a fall the core lists is the current drop", () => {
    expect(headlineParts(now({ day: "2026-03-17", from: 30000, to: 0 }), ["2025-01-01", "2026-03-17"])).toEqual({ kind: "down", day: "2026-03-17", amount: 30000, dropDate: "2026-03-17" });
  });
  it("a rise after a drop ends it: no current drop", () => {
    expect(headlineParts(now({ day: "2026-03-20", from: 0, to: 8000 }), ["2026-03-17"])).toEqual({ kind: "up", day: "2026-03-20", amount: 8000, dropDate: null });
  });
  it("no change on file: steady since the latest observation", () => {
    expect(headlineParts(now(null), [])).toEqual({ kind: "steady", day: "2026-03-20", amount: 0, dropDate: null });
  });
  it("a fall the core does not list (a stale cached view) names no drop page", () => {
    expect(headlineParts(now({ day: "2026-03-17", from: 30000, to: 20000 }), [])).toMatchObject({ kind: "down", dropDate: null });
  });
});
