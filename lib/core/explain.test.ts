import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseHistoryJson } from "@/lib/history/parse";
import { explain } from "./explain";
import { at, cleanRecord, doc, ev } from "./testing/build";
import { BORROWER_REASONS } from "./types";

function example(name: string) {
  const parsed = parseHistoryJson(readFileSync(path.join(import.meta.dirname, "testing/fixtures", `${name}.json`), "utf8"), { now: new Date("2026-01-01") });
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return explain(parsed.document);
}
const isBorrower = (code: string) => (BORROWER_REASONS as readonly string[]).includes(code);

describe("shared examples", () => {
  test("inquiry-spike: CREDIT_INQUIRIES first, applications paused", () => {
    const [drop, ...rest] = example("inquiry-spike").drops;
    expect(rest).toEqual([]);
    expect(drop).toMatchObject({ date: "2025-01-30", previousLimit: 30000, newLimit: 12000, kind: "decrease", temporary: false });
    expect(drop!.reasons[0]).toMatchObject({ code: "CREDIT_INQUIRIES", rank: 1 });
    expect(drop!.reasons[0]!.evidence.figures).toMatchObject({ inquiries30d: 6, firstDate: "2024-12-28", lastDate: "2025-01-17" });
    expect(drop!.steps[0]).toEqual({ code: "PAUSE_CREDIT_APPLICATIONS", reasonCodes: ["CREDIT_INQUIRIES"] });
  });

  test("overdue-cancellation: OVERDUE, a cancellation, and funding diversified", () => {
    const [drop] = example("overdue-cancellation").drops;
    expect(drop).toMatchObject({ kind: "cancellation", newLimit: 0, temporary: false });
    expect(drop!.reasons[0]).toMatchObject({ code: "OVERDUE", confidence: "high" });
    expect(drop!.reasons[0]!.evidence.eventIds).toContain("e68");
    const steps = drop!.steps.map((s) => s.code);
    expect(steps[0]).toBe("CLEAR_OVERDUE_AND_AUTOPAY");
    expect(steps).toContain("DIVERSIFY_FUNDING");
    expect(steps).not.toContain("FILE_APPEAL"); // the record is not on time
  });

  test("processing-delay: temporary, PROCESSING_DELAY, no invented borrower reason", () => {
    const [drop] = example("processing-delay").drops;
    expect(drop!.temporary).toBe(true);
    expect(drop!.reasons.map((r) => r.code)).toContain("PROCESSING_DELAY");
    expect(drop!.reasons.filter((r) => isBorrower(r.code))).toEqual([]);
    expect(drop!.steps.map((s) => s.code)).toEqual(["WAIT_AND_RECHECK", "FILE_APPEAL"]);
  });
});

describe("drops", () => {
  test("consecutive observations: lower is a drop, 0 a cancellation, equal or higher none", () => {
    const events = [
      ev({ type: "limit", at: -40, limit: 10000 }),
      ev({ type: "limit", at: -30, limit: 10000 }),
      ev({ type: "limit", at: -20, limit: 8000 }),
      ev({ type: "limit", at: -10, limit: 9000 }),
      ev({ type: "limit", at: 0, limit: 0 }),
    ];
    const drops = explain(doc(events)).drops;
    expect(drops.map((d) => [d.date, d.previousLimit, d.newLimit, d.kind])).toEqual([
      [at(-20), 10000, 8000, "decrease"],
      [at(0), 9000, 0, "cancellation"],
    ]);
  });

  test("restored within 7 days is temporary, after 8 days it is not", () => {
    const base = [ev({ type: "limit", at: -10, limit: 10000 }), ev({ type: "limit", at: 0, limit: 5000 })];
    expect(explain(doc([...base, ev({ type: "limit", at: 7, limit: 10000 })])).drops[0]!.temporary).toBe(true);
    expect(explain(doc([...base, ev({ type: "limit", at: 8, limit: 10000 })])).drops[0]!.temporary).toBe(false);
    expect(explain(doc([...base, ev({ type: "limit", at: 3, limit: 9000 })])).drops[0]!.temporary).toBe(false);
  });

  test("a history without limit observations has no drops", () => {
    expect(explain(doc([ev({ type: "inquiry", at: -3, lender: "X" })]))).toEqual({ version: 1, drops: [], growth: null });
  });
});

describe("ranking and steps", () => {
  const busy = () => [
    ...cleanRecord(),
    ev({ type: "overdue", at: -7, amount: 3000, dueDate: at(-37), daysPastDue: 30 }),
    ...Array.from({ length: 7 }, (_, i) => ev({ type: "inquiry", at: -25 + 3 * i, lender: `L${i}` })),
    ev({ type: "profile", at: -20, monthlyIncome: 5000, employer: "Other Co" }),
    ev({ type: "notice", at: -5, scope: "personal", kind: "security", text: "x" }),
    ev({ type: "profile", at: -3, bankCardLinked: false }),
    ev({ type: "score", at: -2, score: 600 }),
    ev({ type: "notice", at: -2, scope: "platform", kind: "policy", text: "x" }),
  ];

  test("at most four borrower reasons, then context; ranks 1..n; weights are shares", () => {
    const drop = explain(doc(busy())).drops[0]!;
    const codes = drop.reasons.map((r) => r.code);
    const borrower = codes.filter((c) => (BORROWER_REASONS as readonly string[]).includes(c));
    expect(borrower.length).toBe(4);
    expect(codes.slice(0, 4)).toEqual(borrower);
    expect(codes.slice(4).sort()).toEqual(["POLICY_TIGHTENING", "SCORE_DECLINE"]);
    expect(drop.reasons.map((r) => r.rank)).toEqual(codes.map((_, i) => i + 1));
    expect(Math.abs(drop.reasons.reduce((s, r) => s + r.weight, 0) - 1)).toBeLessThan(0.002);
    for (let i = 1; i < drop.reasons.length; i++) expect(drop.reasons[i]!.weight).toBeLessThanOrEqual(drop.reasons[i - 1]!.weight + 1e-9);
  });

  test("steps follow the rank of the reasons they answer and list them", () => {
    const drop = explain(doc(busy())).drops[0]!;
    const rankOf = new Map(drop.reasons.map((r) => [r.code, r.rank]));
    const best = drop.steps.filter((s) => s.reasonCodes.length).map((s) => Math.min(...s.reasonCodes.map((c) => rankOf.get(c)!)));
    expect(best).toEqual([...best].sort((a, b) => a - b));
    for (const s of drop.steps) for (const c of s.reasonCodes) expect(rankOf.has(c)).toBe(true);
    expect(drop.steps.find((s) => s.code === "DIVERSIFY_FUNDING")?.reasonCodes).toEqual(["POLICY_TIGHTENING"]);
  });

  test("UNEXPLAINED on a clean record: check the report and appeal (on-time record)", () => {
    const drop = explain(doc(cleanRecord())).drops[0]!;
    expect(drop.reasons).toEqual([{ code: "UNEXPLAINED", rank: 1, weight: 1, confidence: "low", evidence: { eventIds: [drop.eventId], figures: {} } }]);
    expect(drop.steps).toEqual([
      { code: "CHECK_CREDIT_REPORT", reasonCodes: ["UNEXPLAINED"] },
      { code: "FILE_APPEAL", reasonCodes: ["UNEXPLAINED"], basis: ["onTimeRecord"] },
    ]);
  });

  test("UPDATE_INCOME answers an incomplete profile only when income is missing", () => {
    const card = explain(doc([...cleanRecord(), ev({ type: "profile", at: -3, bankCardLinked: false })])).drops[0]!;
    expect(card.steps.map((s) => s.code)).not.toContain("UPDATE_INCOME");
    const noIncome = [...cleanRecord().filter((e) => e.type !== "profile"), ev({ type: "profile", at: -300, identityVerified: true, bankCardLinked: true, phoneVerified: true })];
    expect(explain(doc(noIncome)).drops[0]!.steps.find((s) => s.code === "UPDATE_INCOME")?.reasonCodes).toEqual(["INCOMPLETE_PROFILE"]);
  });
});
