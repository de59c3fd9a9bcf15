import { describe, expect, it } from "vitest";
import { explain } from "@/lib/core";
import { dayBefore, landingHref, planLimitChange } from "./plan";
import type { LimitChange } from "./validation";

const change = (o: Partial<LimitChange>): LimitChange => ({ previous: undefined, score: undefined, current: 0, date: "2026-03-17", ...o });

describe("planLimitChange", () => {
  it("a first visit records the previous value the day before and the new one on the day: a drop", () => {
    const r = planLimitChange(change({ previous: 30000 }), { before: null });
    expect(r).toEqual({
      ok: true,
      plan: {
        events: [
          { type: "limit", date: "2026-03-16", limit: 30000, source: "manual" },
          { type: "limit", date: "2026-03-17", limit: 0, source: "manual" },
        ],
        fields: ["previous", "current"],
        outcome: "drop",
        previous: 30000,
      },
    });
    // The rule core agrees: one cancellation dated on the day of the change.
    const doc = { format: "credit-health-history", version: 1, borrower: { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } }, events: r.ok ? r.plan.events.map((e, i) => ({ ...e, id: `e${i}` })) : [] } as const;
    expect(explain(doc as never).drops.map((d) => [d.date, d.previousLimit, d.newLimit, d.kind])).toEqual([["2026-03-17", 30000, 0, "cancellation"]]);
  });

  it("without a previous value, needs a limit on file before the day", () => {
    expect(planLimitChange(change({}), { before: null })).toEqual({ ok: false, errors: { previous: "previousRequired" } });
    // A limit on the change day itself is not "before".
    expect(planLimitChange(change({}), { before: null, sameDay: { eventId: "x", value: 1 } })).toEqual({ ok: false, errors: { previous: "previousRequired" } });
    const r = planLimitChange(change({ current: 5000 }), { before: { day: "2026-01-01", value: 20000 } });
    expect(r).toMatchObject({ ok: true, plan: { events: [{ type: "limit", date: "2026-03-17", limit: 5000 }], outcome: "drop", previous: 20000 } });
  });

  it("adds nothing for a previous value the history already holds, and records a different one", () => {
    const onFile = { before: { day: "2026-02-01", value: 30000 } };
    expect(planLimitChange(change({ previous: 30000 }), onFile)).toMatchObject({ ok: true, plan: { events: [{ date: "2026-03-17", limit: 0 }], fields: ["current"] } });
    expect(planLimitChange(change({ previous: 25000 }), onFile)).toMatchObject({ ok: true, plan: { events: [{ date: "2026-03-16", limit: 25000 }, { date: "2026-03-17", limit: 0 }] } });
  });

  it("records a rise and an unchanged value too, and a score on the day", () => {
    expect(planLimitChange(change({ previous: 0, current: 8000 }), { before: null })).toMatchObject({ ok: true, plan: { outcome: "rise" } });
    expect(planLimitChange(change({ current: 8000 }), { before: { day: "2026-01-01", value: 8000 } })).toMatchObject({ ok: true, plan: { outcome: "same" } });
    const r = planLimitChange(change({ previous: 30000, score: 640 }), { before: null });
    expect(r).toMatchObject({ ok: true, plan: { fields: ["previous", "current", "score"] } });
    expect(r.ok && r.plan.events[2]).toEqual({ type: "score", date: "2026-03-17", score: 640, source: "manual" });
  });
});

describe("a limit already on file for the day", () => {
  const onFile = { before: { day: "2026-03-16", value: 30000 }, sameDay: { eventId: "h_today", value: 0 } };
  it("is corrected in place, under its own id, not joined by a second observation", () => {
    expect(planLimitChange(change({ current: 5000 }), onFile)).toMatchObject({
      ok: true,
      plan: { events: [{ id: "h_today", type: "limit", date: "2026-03-17", limit: 5000 }], outcome: "drop", previous: 30000 },
    });
  });
  it("is left alone when it already says so (a second tap, a repeated visit)", () => {
    expect(planLimitChange(change({ previous: 30000, current: 0 }), onFile)).toMatchObject({ ok: true, plan: { events: [], fields: [], outcome: "drop" } });
  });
});

describe("helpers", () => {
  it("dayBefore crosses months and leap days", () => {
    expect(dayBefore("2026-03-01")).toBe("2026-02-28");
    expect(dayBefore("2024-03-01")).toBe("2024-02-29");
    expect(dayBefore("2026-01-01")).toBe("2025-12-31");
  });
  it("lands on the drop's page for a drop, the dashboard otherwise", () => {
    expect(landingHref("drop", "2026-03-17")).toBe("/drops/2026-03-17?recorded=1");
    expect(landingHref("rise", "2026-03-17")).toBe("/dashboard?recorded=rise");
  });
});
