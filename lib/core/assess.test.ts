import { describe, expect, test } from "vitest";
import { assess } from "./assess";
import { dayNumber, dayString } from "./days";
import { THRESHOLDS } from "./thresholds";
import { simulate } from "./simulate";
import { at, cleanRecord, doc, ev, quietAfter } from "./testing/build";

const inquiries = (offsets: number[]) => offsets.map((o, i) => ev({ type: "inquiry", at: o, lender: `L${i}` }));
const signal = (list: { code: string; metric: string }[], metric: string) => list.find((s) => s.metric === metric);

describe("assess", () => {
  test("two applications in 30 days: near, one more reaches the level", () => {
    const a = assess(doc([...cleanRecord(), ...inquiries([-20, -10])]), at(-1));
    expect(a.active).toEqual([]);
    expect(signal(a.near, "inquiries30d")).toMatchObject({ code: "CREDIT_INQUIRIES", value: 2, threshold: 3, remaining: 1, active: false, near: true });
    expect(a.limit).toBe(30000);
  });

  test("three applications in 30 days: active with its evidence", () => {
    const a = assess(doc([...cleanRecord(), ...inquiries([-20, -10, -5])]), at(-1));
    expect(signal(a.active, "inquiries30d")).toMatchObject({ value: 3, remaining: 0, active: true });
    expect(signal(a.active, "inquiries30d")!).toHaveProperty("eventIds.length", 3);
  });

  test("a clean record has no active signal and events after asOf are ignored", () => {
    const history = doc([...cleanRecord(), ...inquiries([5, 6, 7, 8])]);
    expect(assess(history, at(-1)).active).toEqual([]);
    expect(assess(history, at(-1))).toEqual(assess(doc(cleanRecord()), at(-1)));
    expect(assess(history, at(9)).active.map((s) => s.code)).toContain("CREDIT_INQUIRIES");
  });

  test("income ratio near its threshold counts as near", () => {
    const a = assess(doc([...cleanRecord(), ev({ type: "profile", at: -10, monthlyIncome: 12750 })]), at(-1));
    expect(signal(a.near, "incomeRatio")).toMatchObject({ value: 0.85, threshold: 0.8, direction: "below", remaining: 0.05 });
  });
});

describe("simulate", () => {
  const highUtil = () => doc([...cleanRecord(), ev({ type: "borrow", at: -60, amount: 27000 })]);

  test("paying down clears high utilisation once the high days leave the window; not paying never does", () => {
    const none = simulate(highUtil(), [], 365, { asOf: at(-1) });
    expect(none.remaining).toContain("HIGH_UTILIZATION");
    const paid = simulate(highUtil(), [{ type: "payDown", toShare: 0.3 }], 365, { asOf: at(-1) });
    expect(paid.addedEvents).toEqual([expect.objectContaining({ type: "repayment", date: at(-1) })]);
    expect(paid.cleared).toContain("HIGH_UTILIZATION");
    const s = paid.signals.find((x) => x.metric === "highUtilizationDays")!;
    expect(s.activeAtStart).toBe(true);
    expect(s.clearsOn! > at(-1)).toBe(true);
    expect(s.clearsOn! <= at(180)).toBe(true);
  });

  test("applications age out of the window: cleared on the day the 30-day burst leaves it", () => {
    const sim = simulate(doc([...cleanRecord(), ...inquiries([-20, -15, -10])]), [{ type: "noNewApplications" }], 200, { asOf: at(-1) });
    expect(sim.signals.find((x) => x.metric === "inquiries30d")).toMatchObject({ activeAtStart: true, activeAtEnd: false, clearsOn: at(-20 + 180) });
  });

  test("completing the profile and using the account clear at once; doing nothing lets inactivity appear", () => {
    const events = [...quietAfter(cleanRecord(), -200), ev({ type: "profile", at: -300, phoneVerified: false })];
    const sim = simulate(doc(events), [{ type: "completeProfile" }, { type: "keepUsingAccount", everyDays: 7 }], 30, { asOf: at(-1) });
    expect(sim.signals.filter((x) => x.activeAtStart).map((x) => [x.code, x.clearsOn])).toEqual(
      expect.arrayContaining([
        ["INCOMPLETE_PROFILE", at(-1)],
        ["LOW_ACTIVITY", at(-1)],
      ]),
    );
    const quiet = quietAfter(cleanRecord(), -100);
    const lastUse = quiet.filter((e) => e.type !== "limit" && e.type !== "score").reduce((m, e) => (e.date > m ? e.date : m), "");
    const idle = simulate(doc(quiet), [], 60, { asOf: at(-1) });
    expect(idle.signals.find((x) => x.code === "LOW_ACTIVITY")).toMatchObject({ activeAtStart: false, becomesActiveOn: dayString(dayNumber(lastUse) + THRESHOLDS.inactiveDays) });
  });

  test("deterministic, and the default asOf is the last event's day, not the clock", () => {
    const a = simulate(highUtil(), [{ type: "payDown", toShare: 0.5 }], 90);
    expect(a).toEqual(simulate(highUtil(), [{ type: "payDown", toShare: 0.5 }], 90));
    expect(a.asOf).toBe(at(0));
    expect(a).not.toHaveProperty("limit");
  });
});
