import { describe, expect, it } from "vitest";
import type { Drop } from "@/lib/core/types";
import type { HistoryEvent } from "@/lib/history/schema";
import { appealFacts } from "./facts";
import { appealLetter } from "./letter";

const borrower = { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } };
const events: HistoryEvent[] = [
  { id: "p", type: "profile", date: "2024-01-02", monthlyIncome: 15000, employment: "employed", employer: "Example Ltd", identityVerified: true, bankCardLinked: true, phoneVerified: true },
  { id: "r1", type: "repayment", date: "2024-02-10", amount: 2000, dueDate: "2024-02-10" },
  { id: "r2", type: "repayment", date: "2024-03-10", amount: 2000, dueDate: "2024-03-10" },
  // After the drop: must not count.
  { id: "r3", type: "repayment", date: "2025-05-20", amount: 2000, dueDate: "2025-05-10" },
];
const drop: Drop = {
  date: "2025-03-30", previousLimit: 30000, newLimit: 0, kind: "cancellation", temporary: false, eventId: "l",
  reasons: [{ code: "FREQUENT_SMALL_BORROWING", rank: 1, weight: 1, confidence: "high", evidence: { eventIds: [], figures: { smallDraws90d: 14 } } }],
  steps: [],
};

describe("appealFacts", () => {
  it("measures the record up to the drop only", () => {
    const f = appealFacts({ events }, drop);
    expect(f).toMatchObject({ repayments: 2, late: 0, monthlyIncome: 15000, firstDate: "2024-01-02" });
    expect(f.applying).toEqual(["FREQUENT_SMALL_BORROWING"]);
    expect(f.notApplying).toContain("OVERDUE");
    expect(f.notApplying).not.toContain("FREQUENT_SMALL_BORROWING");
  });
});

describe("appealLetter", () => {
  const base = { history: { events, borrower }, drop, name: "Lin Wei", today: "2025-04-02", stepsDone: ["UPDATE_INCOME" as const] };

  it("writes English with the figures, the on-time record, and what does not apply", () => {
    const { subject, body } = appealLetter({ ...base, language: "en" });
    expect(subject).toBe("Request for review of my Alipay Jiebei credit limit change on March 30, 2025");
    expect(body).toContain("my credit line was cancelled: the limit went from ¥30,000 to ¥0");
    expect(body).toContain("2 repayments since January 2, 2024, none of them late");
    expect(body).toContain("When the change was made, my monthly income was ¥15,000 (employed, Example Ltd)");
    expect(body).toContain("no late or overdue payments");
    expect(body).not.toContain("no frequent small borrowing");
    expect(body).toContain("frequent small borrowing may have played a part");
    expect(body).toContain("Since then I have updated my income and employment details.");
    expect(body).toContain("Lin Wei\nApril 2, 2025");
  });

  it("writes Chinese with the same facts", () => {
    const { subject, body } = appealLetter({ ...base, language: "zh" });
    expect(subject).toBe("关于2025年3月30日支付宝借呗额度调整的复核申请");
    expect(body).toContain("尊敬的支付宝借呗客服：");
    expect(body).toContain("从¥30,000降至¥0");
    expect(body).toContain("共还款2次，没有任何逾期");
    expect(body).toContain("没有逾期还款");
    expect(body).not.toContain("没有频繁小额借款");
  });

  it("states late payments instead of an on-time record when there were some, and leaves income out when unknown", () => {
    const late: HistoryEvent[] = [
      { id: "p", type: "profile", date: "2024-01-02", identityVerified: true },
      { id: "r1", type: "repayment", date: "2024-02-15", amount: 2000, dueDate: "2024-02-10" },
    ];
    const { body } = appealLetter({ ...base, history: { events: late, borrower }, language: "en" });
    expect(body).toContain("I acknowledge 1 late payment");
    expect(body).not.toContain("no late or overdue payments");
    expect(body).not.toContain("none of them late");
    expect(body).not.toContain("monthly income");
  });
});

describe("a letter true to the date", () => {
  // The drop is judged on the profile of January 2024; the borrower updated it after the drop.
  const later: HistoryEvent[] = [
    ...events.filter((e) => e.id !== "r3"),
    { id: "p2", type: "profile", date: "2025-04-01", monthlyIncome: 18000, employer: "New Co", incomeProofOnFile: true },
    { id: "r4", type: "repayment", date: "2025-04-10", amount: 500, dueDate: "2025-04-10" },
    { id: "r5", type: "repayment", date: "2025-04-12", amount: 500, dueDate: "2025-04-11" },
    // After the letter's date: not a fact yet.
    { id: "p3", type: "profile", date: "2025-05-01", monthlyIncome: 25000 },
  ];
  const input = { history: { events: later, borrower }, drop, name: "Lin Wei", today: "2025-04-20", stepsDone: ["UPDATE_INCOME" as const] };

  it("keeps the facts at the drop and lists what changed since, latest value and date of each", () => {
    const f = appealFacts({ events: later }, drop, "2025-04-20");
    expect(f).toMatchObject({ monthlyIncome: 15000, employer: "Example Ltd", incomeProof: false, repayments: 2, late: 0 });
    expect(f.since.changes).toEqual([
      { kind: "income", value: 18000, on: "2025-04-01" },
      { kind: "employer", value: "New Co", on: "2025-04-01" },
      { kind: "flag", flag: "incomeProofOnFile", on: "2025-04-01" },
    ]);
    expect(f.since).toMatchObject({ repayments: 2, late: 1 });
  });

  it("says a value changed and changed back is no change", () => {
    const back: HistoryEvent[] = [...later.slice(0, 3), { id: "p4", type: "profile", date: "2025-04-02", monthlyIncome: 12000 }, { id: "p5", type: "profile", date: "2025-04-03", monthlyIncome: 15000 }];
    expect(appealFacts({ events: back }, drop, "2025-04-20").since.changes).toEqual([]);
  });

  it("writes the facts as they were and, apart, what changed since (English)", () => {
    const { body } = appealLetter({ ...input, language: "en" });
    expect(body).toContain("When the change was made, my monthly income was ¥15,000 (employed, Example Ltd).");
    expect(body).toContain("My monthly income has since been updated to ¥18,000 on April 1, 2025.");
    expect(body).toContain("My employer has since changed to New Co on April 1, 2025.");
    expect(body).toContain("Since then I have also provided proof of income on April 1, 2025.");
    expect(body).toContain("Since the change I have made 2 repayments, 1 of them late.");
    expect(body).not.toContain("25,000");
    // The done step is already stated with its date: not a second time.
    expect(body).not.toContain("updated my income and employment details");
    expect(body.indexOf("¥15,000")).toBeLessThan(body.indexOf("¥18,000"));
  });

  it("does the same in Chinese", () => {
    const { body } = appealLetter({ ...input, language: "zh" });
    expect(body).toContain("额度调整时，我的月收入为¥15,000（在职，Example Ltd）。");
    expect(body).toContain("此后，我的月收入已于2025年4月1日更新为¥18,000。");
    expect(body).toContain("此外，我已于2025年4月1日提交收入证明。");
    expect(body).toContain("额度调整后，我又还款2次，其中1次逾期。");
  });

  it("says nothing changed when nothing did", () => {
    const { body } = appealLetter({ ...base(), language: "en" });
    expect(body).not.toContain("has since");
    expect(body).not.toContain("Since the change");
  });
});

function base() {
  return { history: { events: events.filter((e) => e.id !== "r3"), borrower }, drop, name: "Lin Wei", today: "2025-04-02" };
}
