import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { historyDocument, type HistoryEvent } from "@/lib/history/schema";
import { dayNumber, dayString } from "./days";
import { assess } from "./assess";
import { explain } from "./explain";
import { eventsArb, historyArb, SPAN_DAYS, ARB_START_DAY } from "./testing/arbitraries";
import { BORROWER_REASONS, type Drop } from "./types";

const RUNS = { numRuns: 150 };
const withoutOutlook = ({ outlook: _o, ...rest }: Drop): Omit<Drop, "outlook"> => (void _o, rest);

describe("explain properties", () => {
  test("any valid history explains without throwing, in the contract's shape", () => {
    fc.assert(
      fc.property(historyArb(), (doc) => {
        expect(historyDocument.safeParse(doc).success).toBe(true);
        const out = explain(doc);
        expect(out.version).toBe(1);
        const dates = out.drops.map((d) => d.date);
        expect(dates).toEqual([...dates].sort());
        for (const d of out.drops) {
          expect(d.newLimit).toBeLessThan(d.previousLimit);
          expect(d.kind).toBe(d.newLimit === 0 ? "cancellation" : "decrease");
          expect(d.reasons.length).toBeGreaterThan(0);
          expect(Math.abs(d.reasons.reduce((s, r) => s + r.weight, 0) - 1)).toBeLessThan(0.002);
          const borrower = d.reasons.filter((r) => (BORROWER_REASONS as readonly string[]).includes(r.code));
          expect(borrower.length).toBeLessThanOrEqual(4);
          expect(d.reasons.slice(0, borrower.length)).toEqual(borrower);
          for (const r of d.reasons) {
            expect(r.weight).toBeGreaterThanOrEqual(0);
            expect(r.weight).toBeLessThanOrEqual(1);
            for (const v of Object.values(r.evidence.figures)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
          }
        }
        expect(JSON.parse(JSON.stringify(out))).toEqual(out);
      }),
      RUNS,
    );
  });

  test("the result does not depend on the order of the events", () => {
    fc.assert(
      fc.property(historyArb(), fc.infiniteStream(fc.nat()), (doc, rand) => {
        const shuffled = [...doc.events];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rand.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(explain({ ...doc, events: shuffled })).toEqual(explain(doc));
      }),
      RUNS,
    );
  });

  test("no limit observation lower than the one before means no drops", () => {
    fc.assert(
      fc.property(eventsArb(), (events) => {
        // Re-space the limit observations to one per day, rising with time, so none is lower.
        let n = 0;
        const rising = events.map((e) => (e.type === "limit" ? ({ ...e, date: dayString(ARB_START_DAY + n), limit: 1000 * ++n } as HistoryEvent) : e));
        expect(explain({ borrower: { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } }, events: rising }).drops).toEqual([]);
      }),
      RUNS,
    );
  });

  test("events more than 7 days after a drop never change its explanation", () => {
    fc.assert(
      fc.property(historyArb(), eventsArb(30), (doc, later) => {
        const before = explain(doc);
        if (!before.drops.length) return;
        const cut = before.drops[before.drops.length - 1]!.date;
        // Move the extra events past cut + 7 days, keeping their spread.
        const shift = dayNumber(cut) + 8 - ARB_START_DAY;
        const moved = later.map((e, i) => ({ ...e, id: `later${i}`, date: dayString(dayNumber(e.date.slice(0, 10)) + shift) }) as HistoryEvent);
        const after = explain({ ...doc, events: [...doc.events, ...moved] });
        // The outlook reads every event (spec): everything else of the drop stays.
        expect(after.drops.slice(0, before.drops.length).map(withoutOutlook)).toEqual(before.drops.map(withoutOutlook));
      }),
      RUNS,
    );
  });

  test("borrower events on the days right after a drop do not change it either", () => {
    fc.assert(
      fc.property(historyArb(), eventsArb(30), (doc, later) => {
        const before = explain(doc);
        if (!before.drops.length) return;
        const last = before.drops[before.drops.length - 1]!;
        // Within the 7-day look-ahead only limit observations and platform notices may matter (spec).
        const extra = later
          .filter((e) => e.type !== "limit" && e.type !== "notice")
          .map((e, i) => ({ ...e, id: `next${i}`, date: dayString(dayNumber(last.date) + 1 + (i % SPAN_DAYS)) }) as HistoryEvent);
        const after = explain({ ...doc, events: [...doc.events, ...extra] });
        expect(after.drops.map(withoutOutlook)).toEqual(before.drops.map(withoutOutlook));
      }),
      RUNS,
    );
  });

  test("assess at a day ignores every later event", () => {
    fc.assert(
      fc.property(historyArb(), fc.integer({ min: 0, max: SPAN_DAYS }), (doc, offset) => {
        const asOf = dayString(ARB_START_DAY + offset);
        const upTo = doc.events.filter((e) => dayNumber(e.date.slice(0, 10)) + 1 < ARB_START_DAY + offset);
        const cut = { ...doc, events: upTo };
        const later = { ...doc, events: [...upTo, ...doc.events.filter((e) => e.date.slice(0, 10) > asOf)] };
        expect(assess(later, asOf)).toEqual(assess(cut, asOf));
      }),
      RUNS,
    );
  });
});
