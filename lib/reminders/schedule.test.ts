import { describe, expect, it } from "vitest";
import type { HistoryEvent } from "@/lib/history/schema";
import { todayInShanghai } from "@/lib/days";
import { addMonths, instalmentsOf } from "./instalments";
import { dueToNotify, remindersOf, type ReminderInput } from "./schedule";

const borrow = (date: string, amount: number, termMonths: number, extra: Partial<HistoryEvent> = {}): HistoryEvent =>
  ({ type: "borrow", id: `b-${date}-${amount}`, date, amount, termMonths, ...extra }) as HistoryEvent;
const repay = (date: string, amount: number, extra: Record<string, unknown> = {}): HistoryEvent =>
  ({ type: "repayment", id: `r-${date}-${amount}-${JSON.stringify(extra)}`, date, amount, ...extra }) as HistoryEvent;
const input = (events: HistoryEvent[], rest: Partial<ReminderInput> = {}): ReminderInput => ({ events, drops: [], steps: [], appeals: [], ...rest });

describe("addMonths clamps to the month's end, counted from the draw day", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-01-31", 2, "2025-03-31"],
    ["2025-01-30", 1, "2025-02-28"],
    ["2025-03-31", 1, "2025-04-30"],
    ["2025-11-15", 2, "2026-01-15"],
    ["2025-12-31", 14, "2027-02-28"],
    ["2025-05-10", 0, "2025-05-10"],
  ])("%s + %i months = %s", (day, n, want) => expect(addMonths(day, n)).toBe(want));
});

describe("instalments from termMonths", () => {
  it.each([
    { name: "3 equal instalments", events: [borrow("2025-01-10", 3000, 3)], due: ["2025-02-10", "2025-03-10", "2025-04-10"], amounts: [1000, 1000, 1000] },
    { name: "the last takes the cents left over", events: [borrow("2025-01-10", 1000, 3)], due: ["2025-02-10", "2025-03-10", "2025-04-10"], amounts: [333.33, 333.33, 333.34] },
    { name: "a draw on 31 Jan", events: [borrow("2025-01-31", 400, 4)], due: ["2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31"], amounts: [100, 100, 100, 100] },
    { name: "a leap year's February", events: [borrow("2024-01-30", 200, 2)], due: ["2024-02-29", "2024-03-30"], amounts: [100, 100] },
    // 2025-01-31T17:30Z is 01:30 on 1 February in Shanghai: the draw day, and so every due day, is the 1st.
    { name: "a UTC evening that is the next Shanghai day", events: [borrow("2025-01-31T17:30:00Z", 200, 2)], due: ["2025-03-01", "2025-04-01"], amounts: [100, 100] },
    { name: "an offset date-time before Shanghai midnight", events: [borrow("2025-01-31T23:59:00+08:00", 100, 1)], due: ["2025-02-28"], amounts: [100] },
    { name: "no termMonths, no instalments", events: [{ type: "borrow", id: "b", date: "2025-01-10", amount: 500 } as HistoryEvent], due: [], amounts: [] },
  ])("$name", ({ events, due, amounts }) => {
    const list = instalmentsOf(events);
    expect(list.map((i) => i.dueDay)).toEqual(due);
    expect(list.map((i) => i.amount)).toEqual(amounts);
    expect(list.every((i) => !i.covered)).toBe(true);
  });
});

describe("covered instalments", () => {
  const loan = { loanId: "L-1" };
  it.each([
    { name: "a repayment naming the due date covers that one", events: [borrow("2025-01-10", 3000, 3, loan), repay("2025-03-09", 1000, { ...loan, dueDate: "2025-03-10" })], covered: [false, true, false] },
    { name: "repayments without a due date cover in due order", events: [borrow("2025-01-10", 3000, 3, loan), repay("2025-02-10", 1000, loan), repay("2025-03-10", 1000, loan)], covered: [true, true, false] },
    { name: "paying ahead covers the next instalments", events: [borrow("2025-01-10", 3000, 3, loan), repay("2025-01-20", 2000, loan)], covered: [true, true, false] },
    { name: "a partial payment covers nothing yet", events: [borrow("2025-01-10", 3000, 3, loan), repay("2025-02-10", 600, loan)], covered: [false, false, false] },
    { name: "within ¥1 of the share still covers it", events: [borrow("2025-01-10", 3000, 3, loan), repay("2025-02-10", 999.5, loan)], covered: [true, false, false] },
    { name: "another loan's repayment covers nothing", events: [borrow("2025-01-10", 3000, 3, loan), repay("2025-02-10", 1000, { loanId: "L-2" })], covered: [false, false, false] },
    { name: "draws and repayments without loan ids pool on the main product", events: [borrow("2025-01-10", 2000, 2), repay("2025-02-10", 1000)], covered: [true, false] },
    { name: "another lender's repayment does not pool with the main product", events: [borrow("2025-01-10", 2000, 2), repay("2025-02-10", 1000, { lender: "Huabei" })], covered: [false, false] },
    { name: "a short payment naming a due date joins the pool instead", events: [borrow("2025-01-10", 2000, 2, loan), repay("2025-02-10", 500, { ...loan, dueDate: "2025-02-10" }), repay("2025-02-12", 500, loan)], covered: [true, false] },
  ])("$name", ({ events, covered }) => {
    expect(instalmentsOf(events).map((i) => i.covered)).toEqual(covered);
  });
});

describe("reminders", () => {
  const events = [borrow("2025-01-31", 3000, 3, { loanId: "L-1" }), repay("2025-02-27", 1000, { loanId: "L-1" })];

  it("covered instalments are skipped; uncovered ones are due, past ones also overdue", () => {
    const all = remindersOf(input(events), "2025-04-02");
    expect(all.map((r) => [r.kind, r.day])).toEqual([
      ["INSTALMENT_DUE", "2025-03-31"],
      ["INSTALMENT_OVERDUE", "2025-03-31"],
      ["INSTALMENT_DUE", "2025-04-30"],
    ]);
    expect(new Set(all.map((r) => r.key)).size).toBe(all.length);
  });

  it.each([
    // Announced 3 days ahead, through the due day; the day after, it is overdue instead.
    { today: "2025-03-27", want: [] },
    { today: "2025-03-28", want: ["INSTALMENT_DUE:2025-03-31"] },
    { today: "2025-03-31", want: ["INSTALMENT_DUE:2025-03-31"] },
    { today: "2025-04-01", want: ["INSTALMENT_OVERDUE:2025-03-31"] },
    { today: "2025-04-14", want: ["INSTALMENT_OVERDUE:2025-03-31"] },
    // Long past: an old import raises no alert.
    { today: "2025-04-20", want: [] },
    { today: "2025-04-27", want: ["INSTALMENT_DUE:2025-04-30"] },
  ])("on $today the borrower is told of $want", ({ today, want }) => {
    const due = dueToNotify(remindersOf(input(events), today), today);
    expect(due.map((r) => `${r.kind}:${r.day}`)).toEqual(want);
  });

  it("the Shanghai day decides 'today': 16:30 UTC on 27 March is already the 28th", () => {
    const today = todayInShanghai(new Date("2025-03-27T16:30:00Z"));
    expect(today).toBe("2025-03-28");
    expect(dueToNotify(remindersOf(input(events), today), today).map((r) => r.kind)).toEqual(["INSTALMENT_DUE"]);
    const before = todayInShanghai(new Date("2025-03-27T15:59:00Z"));
    expect(dueToNotify(remindersOf(input(events), before), before)).toEqual([]);
  });

  it("a done recovery step's check date, a processing delay's recheck, an unanswered appeal and an outlook window", () => {
    const all = remindersOf(
      input([], {
        steps: [
          { dropDate: "2025-03-01", stepCode: "UPDATE_INCOME", status: "done", on: "2025-03-05" },
          { dropDate: "2025-03-01", stepCode: "COMPLETE_PROFILE", status: "skipped", on: "2025-03-05" },
        ],
        drops: [
          { date: "2025-03-01", temporary: false, steps: [{ code: "UPDATE_INCOME" }], outlook: { likelyFrom: "2025-05-01", likelyTo: "2025-05-31", signalsClearOn: "2025-05-01" } },
          { date: "2025-04-10", temporary: false, steps: [{ code: "WAIT_AND_RECHECK" }] },
          { date: "2025-04-20", temporary: false, steps: [{ code: "WAIT_AND_RECHECK" }], outlook: null },
        ],
        appeals: [
          { id: "ap1", dropDate: "2025-03-01", filedAt: "2025-03-10", outcome: null },
          { id: "ap2", dropDate: "2025-03-01", filedAt: "2025-03-10", outcome: "restored" },
          { id: "ap3", dropDate: "2025-03-01", filedAt: null, outcome: null },
        ],
      }),
      "2025-03-01",
    );
    expect(all.map((r) => [r.kind, r.day, r.until ?? null])).toEqual([
      ["APPEAL_FOLLOW_UP", "2025-03-17", null],
      ["RECOVERY_CHECK", "2025-04-04", null],
      ["DROP_RECHECK", "2025-04-13", null],
      ["DROP_RECHECK", "2025-04-23", null],
      ["OUTLOOK_OPENS", "2025-05-01", "2025-05-31"],
    ]);
  });

  it("a recheck the borrower already marked is not reminded; a temporary drop's outlook is ignored", () => {
    const all = remindersOf(
      input([], {
        drops: [{ date: "2025-04-10", temporary: true, steps: [{ code: "WAIT_AND_RECHECK" }], outlook: { likelyFrom: "2025-05-01", likelyTo: "2025-05-31" } }],
        steps: [{ dropDate: "2025-04-10", stepCode: "WAIT_AND_RECHECK", status: "skipped", on: "2025-04-11" }],
      }),
      "2025-04-11",
    );
    expect(all).toEqual([]);
  });
});
