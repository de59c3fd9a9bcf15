import { describe, expect, test } from "vitest";
import { historyDocument, type HistoryEvent } from "@/lib/history/schema";
import { explain } from "./explain";
import { at, cleanRecord, doc, ev } from "./testing/build";
import { THRESHOLDS as T } from "./thresholds";
import type { BlockerCode, CoreContext } from "./types";

/** A year on one limit: the clean record without a drop (30,000 from start to the latest day). */
const flatYear = (): HistoryEvent[] => cleanRecord({ newLimit: 30000 });
/** No draws or repayments on the main product after `offset` (the line left unused). */
const noDrawsAfter = (events: HistoryEvent[], offset: number) => events.filter((e) => !((e.type === "borrow" || e.type === "repayment") && e.date > at(offset)));
const assets = (balance: number, offset = -10) => ev({ type: "asset", at: offset, balance });

function growth(events: HistoryEvent[], context?: CoreContext) {
  expect(historyDocument.safeParse(doc(events)).success).toBe(true);
  return explain(doc(events), { context }).growth;
}
const codes = (events: HistoryEvent[]) => growth(events)?.blockers.map((b) => b.code) ?? null;

describe("growth: when it is present", () => {
  test("a year on one limit: growth since the first observation of that level", () => {
    const g = growth([...flatYear(), assets(30000)])!;
    expect(g).toMatchObject({ since: at(-365), days: 365, limit: 30000 });
  });

  test.each([
    ["observed over less than 180 days", () => cleanRecord({ days: 170, newLimit: 30000 })],
    ["a rise 100 days ago", () => [...flatYear(), ev({ type: "limit", at: -100, limit: 35000 })]],
    ["a rise on the latest day", () => [...flatYear(), ev({ type: "limit", at: 0, limit: 30001 })]],
  ])("null when %s", (_name, events) => {
    expect(growth(events())).toBeNull();
  });

  test("a drop in the window: flat (not risen) since the drop's date", () => {
    const g = growth([...cleanRecord({ newLimit: 20000 }), ev({ type: "limit", at: 200, limit: 20000 }), ev({ type: "activity", at: 200, kind: "payment" })])!;
    expect(g).toMatchObject({ since: at(0), days: 200, limit: 20000 });
  });

  test("a rise more than 180 days ago does not stop it", () => {
    expect(growth([...flatYear(), ev({ type: "limit", at: -300, limit: 30000 }), ev({ type: "limit", at: -330, limit: 25000 })])).not.toBeNull();
  });
});

/** Each new blocker: a case where it must fire, one where it must not. */
const BLOCKERS: [BlockerCode, string, () => HistoryEvent[], boolean][] = [
  ["LINE_UNUSED", "no draw for 200 days", () => [...noDrawsAfter(flatYear(), -200), assets(30000)], true],
  ["LINE_UNUSED", "a draw 40 days ago", () => [...flatYear(), assets(30000)], false],
  ["SPARSE_ACTIVITY", "use on 3 days of the last 90", () => [...flatYear().filter((e) => !(e.type === "activity" && e.date > at(-90))).filter((e) => !((e.type === "borrow" || e.type === "repayment") && e.date > at(-90))), ...[-80, -50, -20].map((o) => ev({ type: "activity", at: o, kind: "login" })), assets(30000)], true],
  ["SPARSE_ACTIVITY", "weekly use", () => [...flatYear(), assets(30000)], false],
  ["LOW_PLATFORM_ASSETS", "no asset on record", () => flatYear(), true],
  ["LOW_PLATFORM_ASSETS", "savings of 5,000 on an income of 15,000", () => [...flatYear(), assets(5000)], true],
  ["LOW_PLATFORM_ASSETS", "savings of 20,000", () => [...flatYear(), assets(20000)], false],
  ["LOW_PLATFORM_ASSETS", "savings of 20,000 but 200 days ago", () => [...flatYear(), assets(20000, -200)], true],
  ["POLICY_TIGHTENING", "a policy notice 50 days ago (context)", () => [...flatYear(), assets(30000), ev({ type: "notice", at: -50, scope: "platform", kind: "policy", text: "x" })], true],
  ["CREDIT_INQUIRIES", "3 applications in 10 days", () => [...flatYear(), assets(30000), ...[-20, -15, -10].map((o, i) => ev({ type: "inquiry", at: o, lender: `B${i}` }))], true],
  ["NO_CLEAR_BLOCKER", "a clean record with savings and use", () => [...flatYear(), assets(30000)], true],
  ["NO_CLEAR_BLOCKER", "with an application burst", () => [...flatYear(), assets(30000), ...[-20, -15, -10].map((o, i) => ev({ type: "inquiry", at: o, lender: `B${i}` }))], false],
];

describe("growth blockers", () => {
  test.each(BLOCKERS)("%s: %s → fires %s", (code, _name, events, fires) => {
    const list = codes(events());
    expect(list).not.toBeNull();
    if (fires) expect(list).toContain(code);
    else expect(list).not.toContain(code);
  });

  test("SPARSE_ACTIVITY yields to LOW_ACTIVITY, which says more", () => {
    const quiet = flatYear().filter((e) => e.type === "limit" || e.type === "score" || e.date <= at(-150));
    const list = codes([...quiet, ev({ type: "limit", at: 0, limit: 30000 })])!;
    expect(list).toContain("LOW_ACTIVITY");
    expect(list).not.toContain("SPARSE_ACTIVITY");
  });

  test("ranked like reasons: borrower-side first, context after, shares summing to 1; steps answer them", () => {
    const g = growth([...noDrawsAfter(flatYear(), -200), ev({ type: "notice", at: -50, scope: "platform", kind: "policy", text: "x" })])!;
    expect(g.blockers.map((b) => b.code)).toEqual(["LINE_UNUSED", "LOW_PLATFORM_ASSETS", "POLICY_TIGHTENING"]);
    expect(g.blockers.map((b) => b.rank)).toEqual([1, 2, 3]);
    expect(g.blockers.reduce((s, b) => s + b.weight, 0)).toBeCloseTo(1, 2);
    expect(g.blockers[0]!.evidence.figures).toMatchObject({ daysSinceLastDraw: expect.any(Number), lastDrawDate: expect.any(String) });
    const steps = g.steps.map((s) => s.code);
    expect(steps.slice(0, 2)).toEqual(["USE_LINE_MODESTLY", "BUILD_PLATFORM_ASSETS"]);
    expect(g.steps.find((s) => s.code === "USE_LINE_MODESTLY")!.reasonCodes).toEqual(["LINE_UNUSED"]);
  });

  test("NO_CLEAR_BLOCKER is answered by checking the credit report", () => {
    const g = growth([...flatYear(), assets(30000)])!;
    expect(g.blockers).toEqual([expect.objectContaining({ code: "NO_CLEAR_BLOCKER", rank: 1, weight: 1, clearsOn: null })]);
    expect(g.steps).toEqual([{ code: "CHECK_CREDIT_REPORT", reasonCodes: ["NO_CLEAR_BLOCKER"] }]);
  });
});

describe("when blockers clear", () => {
  test.each([
    ["a 30-day burst of applications leaves the count", [-20, -15, -10], at(-20 + T.windowDays)],
    ["6 applications in the window: the first leaves", [-170, -140, -110, -80, -50, -20], at(-170 + T.windowDays)],
  ])("%s", (_name, offsets, clearsOn) => {
    const g = growth([...flatYear(), assets(30000), ...offsets.map((o, i) => ev({ type: "inquiry", at: o, lender: `B${i}` }))])!;
    expect(g.blockers.find((b) => b.code === "CREDIT_INQUIRIES")!.clearsOn).toBe(clearsOn);
  });

  test("blockers that need an action have no date: an unused line, no savings, a missing profile item", () => {
    const g = growth([...noDrawsAfter(flatYear(), -200), ev({ type: "profile", at: -30, bankCardLinked: false })])!;
    for (const code of ["LINE_UNUSED", "LOW_PLATFORM_ASSETS", "INCOMPLETE_PROFILE"] as const) expect(g.blockers.find((b) => b.code === code)?.clearsOn).toBeNull();
  });
});

describe("growth: the level's start", () => {
  test("a temporary dip does not restart the level", () => {
    const g = growth([...flatYear(), ev({ type: "limit", at: -100, limit: 10000 }), ev({ type: "limit", at: -97, limit: 30000 }), assets(30000)])!;
    expect(g.since).toBe(at(-365));
  });

  test("a dip restored after 8 days does", () => {
    const g = growth([...flatYear(), ev({ type: "limit", at: -100, limit: 10000 }), ev({ type: "limit", at: -92, limit: 30000 }), assets(30000)])!;
    expect(g.since).toBe(at(-92));
  });
});
