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
    expect(subject).toBe("Request for review of my Alipay Jiebei credit limit change on 30 March 2025");
    expect(body).toContain("my credit line was cancelled: the limit went from ¥30,000 to ¥0");
    expect(body).toContain("2 repayments since 2 January 2024, none of them late");
    expect(body).toContain("My monthly income is ¥15,000 (employed, Example Ltd)");
    expect(body).toContain("no late or overdue payments");
    expect(body).not.toContain("no frequent small borrowing");
    expect(body).toContain("frequent small borrowing may have played a part");
    expect(body).toContain("Since then I have updated my income and employment details.");
    expect(body).toContain("Lin Wei\n2 April 2025");
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
