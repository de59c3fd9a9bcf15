import { describe, expect, test } from "vitest";
import { historyDocument, type HistoryEvent } from "@/lib/history/schema";
import { dayNumber } from "./days";
import { explain } from "./explain";
import { deriveEventId, normaliseEvents } from "./normalise";
import { generateHistory } from "./testing/generate";
import { EVENT_TYPES } from "@/lib/history/schema";

/** Milliseconds into the Shanghai day (0 for a plain date). */
const timeOf = (date: string) => (date.length === 10 ? 0 : (Date.parse(date) + 8 * 3600_000) % 86_400_000);
const rank = (t: string) => EVENT_TYPES.indexOf(t as (typeof EVENT_TYPES)[number]);
function shuffled<T>(xs: T[], seed = 1): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("normalisation", () => {
  test("orders by calendar day, then time where given (a plain date is the start of its day), then type tie-break order, then id", () => {
    const events: HistoryEvent[] = [
      { id: "b", type: "limit", date: "2025-01-02", limit: 1 },
      { id: "a", type: "limit", date: "2025-01-02", limit: 2 },
      { id: "z", type: "profile", date: "2025-01-02" },
      // 2025-01-01T20:00Z is 2025-01-02 04:00 in Asia/Shanghai
      { id: "y", type: "inquiry", date: "2025-01-01T20:00:00Z", lender: "X" },
      { id: "x", type: "score", date: "2025-01-01", score: 700 },
    ];
    expect(normaliseEvents(events).map((e) => e.id)).toEqual(["x", "z", "a", "b", "y"]);
  });

  test("derived ids come from content: stable, distinct for different events, suffixed for identical ones", () => {
    const e: HistoryEvent = { type: "inquiry", date: "2025-01-01", lender: "X" };
    expect(deriveEventId(e)).toBe(deriveEventId({ lender: "X", date: "2025-01-01", type: "inquiry" } as HistoryEvent));
    expect(deriveEventId(e)).not.toBe(deriveEventId({ ...e, lender: "Y" }));
    const ids = normaliseEvents([e, { ...e }, { ...e, lender: "Y" }]).map((x) => x.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.filter((id) => id.startsWith(deriveEventId(e)))).toHaveLength(2);
  });

  test("the linear-time sort used for long histories gives the canonical order", () => {
    const doc = generateHistory({ years: 1, endDate: "2024-12-31" });
    const events = shuffled(doc.events).map((e, i) => (i % 5 === 0 ? ({ ...e, id: undefined } as HistoryEvent) : e));
    const sorted = normaliseEvents(events);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!, sorted[i]!];
      const order = a.day - b.day || timeOf(a.event.date) - timeOf(b.event.date) || rank(a.type) - rank(b.type) || (a.id < b.id ? -1 : 1);
      expect(order).toBeLessThan(0);
    }
    expect(sorted[0]!.day).toBe(dayNumber(doc.events[0]!.date));
  });

  test("a long generated history: valid, with drops, and explained the same in any order", () => {
    const doc = generateHistory({ years: 1, endDate: "2024-12-31" });
    expect(historyDocument.safeParse(doc).success).toBe(true);
    expect(doc.events.length).toBeGreaterThan(2500);
    const out = explain(doc);
    expect(out.drops.length).toBeGreaterThan(5);
    expect(explain({ ...doc, events: shuffled(doc.events, 7) })).toEqual(out);
    expect(generateHistory({ years: 1, endDate: "2024-12-31" })).toEqual(doc);
  });
});
