import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STEP_CODES, type Drop, type ReasonCode, type Step } from "@/lib/core/types";
import { FIRST_STEPS, recoveryPlan, restorationsOf, restoredOn, type PlanInput } from "./priority";
import type { StepState } from "./schedule";

function drop(date: string, previousLimit: number, newLimit: number, steps: Step[], extra: Partial<Drop> = {}): Drop {
  return { date, previousLimit, newLimit, kind: newLimit === 0 ? "cancellation" : "decrease", temporary: false, eventId: `l-${date}`, reasons: [], steps, ...extra };
}
const step = (code: Step["code"], reasonCodes: ReasonCode[] = [], basis?: Step["basis"]): Step => (basis ? { code, reasonCodes, basis } : { code, reasonCodes });

const jan = drop("2026-01-10", 30000, 20000, [step("UPDATE_INCOME", ["INCOME_DECREASE"]), step("FILE_APPEAL", [], ["onTimeRecord"])]);
const mar = drop("2026-03-05", 20000, 5000, [
  step("PAUSE_CREDIT_APPLICATIONS", ["CREDIT_INQUIRIES"]),
  step("REDUCE_UTILIZATION", ["HIGH_UTILIZATION"]),
  step("PLAN_FEWER_LARGER_BORROWINGS", ["FREQUENT_SMALL_BORROWING"]),
  step("CLOSE_UNUSED_CREDIT_LINES", ["MULTI_LENDER_EXPOSURE"]),
  step("FILE_APPEAL", [], ["onTimeRecord"]),
]);
const limits = [
  { date: "2025-12-01", limit: 30000 },
  { date: "2026-01-10", limit: 20000 },
  { date: "2026-03-05", limit: 5000 },
];
const base: PlanInput = { drops: [jan, mar], limits, states: new Map(), activeToday: new Set<ReasonCode>(["CREDIT_INQUIRIES", "HIGH_UTILIZATION", "FREQUENT_SMALL_BORROWING", "MULTI_LENDER_EXPOSURE"]) };

describe("recoveryPlan", () => {
  it("puts the latest open drop first with three steps to do first, in the core's order", () => {
    const plan = recoveryPlan(base);
    expect(plan.current?.drop.date).toBe("2026-03-05");
    expect(plan.current?.steps.filter((s) => s.first).map((s) => s.step.code)).toEqual(["PAUSE_CREDIT_APPLICATIONS", "REDUCE_UTILIZATION", "PLAN_FEWER_LARGER_BORROWINGS"]);
  });

  it("plans two open drops on one day: the earlier superseded by the later, which is current", () => {
    const first = drop("2026-03-05", 20000, 12000, [step("FILE_APPEAL", [], ["onTimeRecord"])], { eventId: "a" });
    const second = drop("2026-03-05", 12000, 5000, [step("FILE_APPEAL", [], ["onTimeRecord"])], { eventId: "b" });
    const plan = recoveryPlan({ ...base, drops: [jan, first, second] });
    expect(plan.current?.drop.eventId).toBe("b");
    expect(plan.history.map((p) => [p.drop.eventId, p.status])).toEqual([
      ["a", { kind: "superseded", by: "2026-03-05" }],
      ["l-2026-01-10", { kind: "superseded", by: "2026-03-05" }],
    ]);
    // 15,000 later: back above the second cut's "before" (12,000), not the first's (20,000).
    const back = recoveryPlan({ ...base, drops: [first, second], limits: [...limits, { date: "2026-04-01", limit: 15000 }] });
    expect(back.current?.drop.eventId).toBe("a");
    expect(back.history.map((p) => [p.drop.eventId, p.status])).toEqual([["b", { kind: "restored", on: "2026-04-01" }]]);
  });

  it("finds every drop's restoration as restoredOn does, from observations in any order", () => {
    const day = fc.integer({ min: 0, max: 40 }).map((n) => `2026-01-${String(1 + (n % 28)).padStart(2, "0")}${n > 27 ? "T10:00:00+08:00" : ""}`);
    fc.assert(
      fc.property(
        fc.array(fc.record({ date: day, limit: fc.integer({ min: 0, max: 10 }).map((n) => n * 1000) }), { maxLength: 30 }),
        fc.array(fc.record({ date: day.map((d) => d.slice(0, 10)), previousLimit: fc.integer({ min: 1, max: 10 }).map((n) => n * 1000), temporary: fc.boolean() }), { maxLength: 10 }),
        (obs, ds) => {
          const at = restorationsOf(obs);
          for (const d of ds) {
            const x = drop(d.date, d.previousLimit, 0, [], { temporary: d.temporary });
            expect(at(x)).toBe(restoredOn(x, obs));
          }
        },
      ),
    );
  });

  it("moves an earlier open drop to the history as superseded by the next one", () => {
    const plan = recoveryPlan(base);
    expect(plan.history).toHaveLength(1);
    expect(plan.history[0]!.status).toEqual({ kind: "superseded", by: "2026-03-05" });
    expect(plan.history[0]!.steps.every((s) => s.note?.kind === "superseded" && !s.first)).toBe(true);
  });

  it("treats a drop as restored from the first later observation at or above its previous limit", () => {
    const back = [...limits, { date: "2026-04-01", limit: 19999 }, { date: "2026-04-20", limit: 20000 }, { date: "2026-05-01", limit: 30000 }];
    const plan = recoveryPlan({ ...base, limits: back });
    expect(plan.current).toBeNull();
    expect(plan.history.map((p) => [p.drop.date, p.status])).toEqual([
      ["2026-03-05", { kind: "restored", on: "2026-04-20" }],
      ["2026-01-10", { kind: "restored", on: "2026-05-01" }],
    ]);
    expect(plan.history[0]!.steps[0]!.note).toEqual({ kind: "restored", on: "2026-04-20" });
  });

  it("keeps an older drop current when only the later one came back", () => {
    const plan = recoveryPlan({ ...base, limits: [...limits, { date: "2026-03-08", limit: 20000 }] });
    expect(plan.current?.drop.date).toBe("2026-01-10");
    expect(plan.history[0]!.status).toEqual({ kind: "restored", on: "2026-03-08" });
  });

  it("says when the current drop's limit is partly back", () => {
    const partly = recoveryPlan({ ...base, limits: [...limits, { date: "2026-04-01", limit: 8000 }, { date: "2026-05-01", limit: 12000 }] });
    expect(partly.current?.drop.date).toBe("2026-03-05");
    expect(partly.current?.partly).toEqual({ limit: 12000, on: "2026-05-01" });
    expect(recoveryPlan(base).current?.partly).toBeUndefined();
  });

  it("never lists the appeal for a temporary drop", () => {
    const blip = drop("2026-06-01", 5000, 0, [step("WAIT_AND_RECHECK", ["PROCESSING_DELAY"]), step("FILE_APPEAL", [], ["onTimeRecord"])], { temporary: true });
    const plan = recoveryPlan({ ...base, drops: [jan, mar, blip], limits: [...limits, { date: "2026-06-01", limit: 0 }, { date: "2026-06-03", limit: 5000 }] });
    const planned = plan.history.find((p) => p.drop.date === "2026-06-01")!;
    expect(planned.status).toEqual({ kind: "restored", on: "2026-06-03" });
    expect(planned.steps.map((s) => s.step.code)).toEqual(["WAIT_AND_RECHECK"]);
    expect(plan.current?.drop.date).toBe("2026-03-05");
  });

  it("skips done steps and steps whose signals cleared when choosing what to do first", () => {
    const states = new Map<string, StepState[]>([["2026-03-05", [{ code: "PAUSE_CREDIT_APPLICATIONS", status: "done", on: "2026-03-10" }]]]);
    const plan = recoveryPlan({ ...base, states, activeToday: new Set<ReasonCode>(["FREQUENT_SMALL_BORROWING", "MULTI_LENDER_EXPOSURE"]) });
    const steps = plan.current!.steps;
    expect(steps.filter((s) => s.first).map((s) => s.step.code)).toEqual(["PLAN_FEWER_LARGER_BORROWINGS", "CLOSE_UNUSED_CREDIT_LINES", "FILE_APPEAL"]);
    expect(steps.find((s) => s.step.code === "REDUCE_UTILIZATION")!.note).toEqual({ kind: "clearedToday" });
    // A basis-only step (an on-time record) never "clears".
    expect(steps.find((s) => s.step.code === "FILE_APPEAL")!.note).toBeNull();
  });

  it("claims nothing cleared when there is nothing to assess, nor for reasons that are not signals", () => {
    const unexplained = drop("2026-03-05", 20000, 5000, [step("CHECK_CREDIT_REPORT", ["UNEXPLAINED"])]);
    expect(recoveryPlan({ ...base, drops: [unexplained], activeToday: new Set() }).current!.steps[0]!.note).toBeNull();
    expect(recoveryPlan({ ...base, activeToday: null }).current!.steps.every((s) => s.note === null)).toBe(true);
  });

  it("holds its invariants on any history", () => {
    const arbDrop = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      prev: fc.integer({ min: 1, max: 50 }).map((n) => n * 1000),
      cut: fc.integer({ min: 1, max: 50 }).map((n) => n * 1000),
      temporary: fc.boolean(),
      codes: fc.uniqueArray(fc.constantFrom(...STEP_CODES), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbDrop, { selector: (d) => d.day, maxLength: 6 }), fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), limit: fc.integer({ min: 0, max: 60 }).map((n) => n * 1000) })), (ds, ls) => {
        const pad = (d: number) => `2026-02-${String(d).padStart(2, "0")}`;
        const drops = ds.map((d) => drop(pad(d.day), d.prev, Math.max(0, d.prev - d.cut), d.codes.map((c) => step(c, ["HIGH_UTILIZATION"])), { temporary: d.temporary }));
        const plan = recoveryPlan({ drops, limits: ls.map((l) => ({ date: pad(l.day), limit: l.limit })), states: new Map(), activeToday: new Set(["HIGH_UTILIZATION"]) });
        const all = [...(plan.current ? [plan.current] : []), ...plan.history];
        expect(all.map((p) => p.drop.date).sort()).toEqual(drops.map((d) => d.date).sort());
        expect(all.filter((p) => p.drop.temporary).flatMap((p) => p.steps).some((s) => s.step.code === "FILE_APPEAL")).toBe(false);
        expect(all.flatMap((p) => p.steps).filter((s) => s.first).length).toBeLessThanOrEqual(FIRST_STEPS);
        expect(plan.history.flatMap((p) => p.steps).some((s) => s.first || s.note === null)).toBe(false);
        if (plan.current) {
          expect(plan.current.drop.temporary).toBe(false);
          expect(drops.filter((d) => d.date > plan.current!.drop.date).every((d) => restoredOn(d, ls.map((l) => ({ date: pad(l.day), limit: l.limit }))) !== null)).toBe(true);
        }
      }),
    );
  });
});
