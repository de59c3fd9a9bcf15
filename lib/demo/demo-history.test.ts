import { describe, expect, it } from "vitest";
import { explain } from "@/lib/core/explain";
import { parseHistory } from "@/lib/history/parse";
import { DEMO_DROPS, DEMO_END, DEMO_START, demoHistory } from "./demo-history";

describe("demo history", () => {
  const doc = demoHistory();

  it("is a valid history-v1 document on the day it ends", () => {
    const parsed = parseHistory(doc, { now: new Date(`${DEMO_END}T12:00:00Z`) });
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it("is deterministic", () => {
    expect(demoHistory()).toEqual(doc);
    expect(demoHistory(1)).not.toEqual(doc);
  });

  it("spans two years with daily activity, monthly limits and scores", () => {
    const days = doc.events.map((e) => e.date).sort();
    expect([days[0], days.at(-1)! <= DEMO_END]).toEqual([DEMO_START, true]);
    expect(days.at(-1)! >= "2026-11-01").toBe(true);
    const count = (type: string) => doc.events.filter((e) => e.type === type).length;
    expect(count("activity")).toBeGreaterThan(400);
    expect(count("limit")).toBeGreaterThanOrEqual(24);
    expect(count("score")).toBeGreaterThanOrEqual(20);
    expect(new Set(doc.events.map((e) => e.id)).size).toBe(doc.events.length);
  });

  it("shows each planned drop with its planned cause first", () => {
    const { drops } = explain(doc);
    expect(drops.map((d) => [d.date, d.previousLimit, d.newLimit])).toEqual(DEMO_DROPS.map((d) => [d.date, d.from, d.to]));
    expect(drops.map((d) => d.reasons[0]?.code)).toEqual(DEMO_DROPS.map((d) => d.cause));
    expect(drops.find((d) => d.date === "2026-03-17")?.kind).toBe("cancellation");
    expect(drops.find((d) => d.date === "2025-09-10")?.temporary).toBe(true);
  });
});
