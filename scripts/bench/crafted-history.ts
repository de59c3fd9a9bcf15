/**
 * A history built to make pages heavy (issue 14's penetration test made /recovery render 44 MB):
 * every kind of thing a page lists, as much of it as the API accepts. A limit that falls every
 * few days for six years (hundreds of drops, each superseding the last), thousands of credit
 * applications and small draws (every drop cites hundreds of them as evidence), notes and notice
 * texts of 2,000 characters, lenders and sources of 200, and several thousand activity events.
 * Deterministic: the same document every time. Valid history-v1 (the import validates it).
 */
import { dayNumber, dayString } from "@/lib/core/days";
import type { HistoryDocument, HistoryEvent } from "@/lib/history/schema";

const LONG = (seed: string, n: number) => (seed.repeat(Math.ceil(n / seed.length))).slice(0, n);

export function craftedHistory(options: { years?: number; endDate?: string } = {}): HistoryDocument {
  const end = dayNumber(options.endDate ?? "2025-12-31");
  const start = end - Math.round((options.years ?? 6) * 365.25);
  const events: HistoryEvent[] = [];
  let n = 0;
  const add = (day: number, e: Record<string, unknown>) => events.push({ id: `c${++n}`, date: dayString(day), ...e } as HistoryEvent);
  const lender = (i: number) => `${LONG("某某消费金融有限公司分支机构", 190)}${i % 97}`;
  const source = LONG("import:crafted-source-with-a-very-long-name/", 200);
  add(start, { type: "profile", monthlyIncome: 20000, employment: "employed", employer: LONG("某某科技有限公司", 200), identityVerified: true, bankCardLinked: true, phoneVerified: true, note: LONG("很长的备注。", 2000) });
  add(start, { type: "score", score: 720 });
  let limit = 200_000;
  add(start, { type: "limit", limit });
  for (let d = start + 1, i = 0; d <= end; d++, i++) {
    // A drop every four days, 3% each; once under 20,000 the limit comes back whole, and falls again.
    if (i % 4 === 0) {
      limit = limit < 20_000 ? 200_000 : Math.round(limit * 0.97);
      add(d, { type: "limit", limit, source, note: LONG("额度又下调了，原因不明。", 2000) });
    }
    // Credit applications and small draws every day: every drop's window cites them.
    add(d, { type: "inquiry", lender: lender(i), product: LONG("信用贷款", 200), source, note: i % 3 === 0 ? LONG("申请记录。", 2000) : undefined });
    add(d, { type: "borrow", amount: 100 + (i % 50), lender: lender(i + 1), loanId: `L${i}-${LONG("x", 150)}`, termMonths: 1, source });
    add(d, { type: "repayment", amount: 100 + (i % 50), lender: lender(i + 1), loanId: `L${i}-${LONG("x", 150)}`, note: LONG("按时还款。", 2000) });
    if (i % 2 === 0) add(d, { type: "notice", scope: "personal", kind: "other", text: LONG("您的额度有调整，请登录查看。", 2000), note: LONG("通知备注。", 2000) });
    if (i % 30 === 0) add(d, { type: "score", score: 720 - (i % 200) });
    if (i % 5 === 0) add(d, { type: "overdue", amount: 50, daysPastDue: 1 + (i % 40), dueDate: dayString(d - 1 - (i % 40)), lender: lender(i) });
  }
  return { format: "credit-health-history", version: 1, borrower: { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } }, events };
}
