import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { HistoryEvent } from "@/lib/history/schema";
import { clearing, NEVER } from "./clearing";
import { dayNumber, dayString } from "./days";
import { explain } from "./explain";
import { RULES } from "./rules";
import { at, cleanRecord, doc, ev } from "./testing/build";
import { historyArb } from "./testing/arbitraries";
import { THRESHOLDS as T } from "./thresholds";
import { buildTimeline } from "./timeline";
import { BORROWER_REASONS } from "./types";

const RUNS = { numRuns: 120 };
const dayOf = (e: HistoryEvent) => dayNumber(e.date.slice(0, 10));

describe("growth properties", () => {
  test("growth is null whenever a limit observation of the last 180 days is above the limit of 180 days before", () => {
    fc.assert(
      fc.property(historyArb(80), (history) => {
        const t = buildTimeline(history);
        if (!t.events.length) return;
        const last = t.events[t.events.length - 1]!.day;
        const { days, values } = t.limits;
        let base = -1;
        for (let i = 0; i < days.length && days[i]! <= last - T.flatDays; i++) base = i;
        const rose = base >= 0 && days.some((d, i) => d > last - T.flatDays && values[i]! > values[base]!);
        if (rose) expect(explain(history).growth).toBeNull();
      }),
      RUNS,
    );
  });

  test("adding a higher observation on the latest day always removes growth", () => {
    fc.assert(
      fc.property(historyArb(80), (history) => {
        if (!history.events.length) return;
        const last = Math.max(...history.events.map(dayOf));
        const top = Math.max(0, ...history.events.map((e) => (e.type === "limit" ? e.limit : 0)));
        const risen = { ...history, events: [...history.events, { id: "rise", type: "limit", date: dayString(last), limit: top + 1000 } as HistoryEvent] };
        expect(explain(risen).growth).toBeNull();
      }),
      RUNS,
    );
  });
});

describe("outlook properties", () => {
  test("a drop's reasons never change with later events, while a repayment clearing its overdue moves signalsClearOn", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 5, max: 60 }), fc.boolean(), (after, dpd, withLoan) => {
        const loan = withLoan ? { loanId: "P1" } : {};
        const base = [...cleanRecord(), ev({ type: "overdue", at: -3, amount: 4000, dueDate: at(-3 - dpd), daysPastDue: dpd, ...loan })];
        const before = explain(doc(base)).drops.find((d) => d.date === at(0))!;
        const repaid = explain(doc([...base, ev({ type: "repayment", at: after, amount: 4000, dueDate: at(-3 - dpd), ...loan })])).drops.find((d) => d.date === at(0))!;
        expect(repaid.reasons).toEqual(before.reasons);
        expect(repaid.steps).toEqual(before.steps);
        expect(before.outlook!.signalsClearOn).toBeNull();
        expect(before.outlook!.pending).toContain("OVERDUE");
        expect(repaid.outlook!.signalsClearOn).toBe(at(after + T.overdueClearDays));
      }),
      { numRuns: 60 },
    );
  });

  test("the skipping scan finds the same clearing day as evaluating every day", () => {
    fc.assert(
      fc.property(historyArb(50), (history) => {
        const t = buildTimeline(history);
        if (!t.events.length) return;
        const c = clearing(t);
        const drop = { temporary: false, restoredDay: null };
        const horizon = c.lastDay + T.windowDays + 1;
        const from = t.events[0]!.day;
        for (const code of BORROWER_REASONS) {
          if (code === "OVERDUE") continue;
          let last = -Infinity;
          if (RULES[code]({ t, day: horizon, drop }).fired) last = NEVER;
          else for (let d = horizon - 1; d > from && last === -Infinity; d--) if (RULES[code]({ t, day: d, drop }).fired) last = d;
          const expected = last === NEVER ? NEVER : Math.max(from + 1, last + 1);
          expect([code, c.clearsAfter(code, from)]).toEqual([code, expected]);
        }
      }),
      { numRuns: 40 },
    );
  });
});
