import type { HistoryEvent } from "@/lib/history/schema";

type T = (key: string, values?: Record<string, string | number>) => string;

/**
 * Free text a table row shows: notes and notice texts may hold 2,000 characters each, and fifty
 * such rows were over 300 KB of HTML; the event's own page shows the whole text.
 */
export const TEXT_SHOWN = 120;
/** Names a row shows (lender, product, employer, loan id, asset kind): up to 200 characters each in a history. */
export const NAME_SHOWN = 40;
const name = (v: string) => clip(v, NAME_SHOWN);

/** `text` cut to `max` characters (code points, so no character is split) with "…" when cut. */
export function clip(text: string, max = TEXT_SHOWN): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/**
 * One line of detail for the events table: the figure first (what a borrower scans for), then
 * the few words that tell two events of a type apart. No merchant or free text beyond the note.
 */
export function eventSummary(e: HistoryEvent, t: T, money: (n: number) => string): string {
  const parts: string[] = [];
  const opt = (v: string | undefined) => (v ? t(`options.${v}`) : undefined);
  switch (e.type) {
    case "profile":
      if (e.monthlyIncome !== undefined) parts.push(`${t("fields.monthlyIncome")} ${money(e.monthlyIncome)}`);
      if (e.employment) parts.push(t(`options.${e.employment}`));
      if (e.employer) parts.push(name(e.employer));
      for (const k of ["identityVerified", "bankCardLinked", "phoneVerified", "incomeProofOnFile"] as const) {
        if (e[k] !== undefined) parts.push(`${t(`fields.${k}`)}: ${t(e[k] ? "options.yes" : "options.no")}`);
      }
      break;
    case "notice":
      parts.push(`${opt(e.scope)} · ${opt(e.kind)}`, clip(e.text));
      break;
    case "account":
      parts.push(name(e.lender), opt(e.action)!);
      if (e.limit !== undefined) parts.push(money(e.limit));
      break;
    case "inquiry":
      parts.push(name(e.lender), ...(e.product ? [name(e.product)] : []));
      break;
    case "asset":
      parts.push(money(e.balance), ...(e.kind ? [name(e.kind)] : []));
      break;
    case "activity":
      parts.push(`× ${e.count ?? 1}`, ...(e.kind ? [opt(e.kind)!] : []));
      break;
    case "borrow":
    case "repayment":
      parts.push(money(e.amount));
      if (e.lender) parts.push(name(e.lender));
      if (e.loanId) parts.push(name(e.loanId));
      if (e.type === "repayment" && e.dueDate) parts.push(`${t("fields.dueDate")} ${e.dueDate}`);
      break;
    case "overdue":
      parts.push(money(e.amount), `${t("fields.daysPastDue")} ${e.daysPastDue}`);
      break;
    case "score":
      parts.push(String(e.score));
      break;
    case "limit":
      parts.push(money(e.limit));
      break;
  }
  if (e.note) parts.push(`“${clip(e.note)}”`);
  return parts.filter(Boolean).join(" · ");
}
