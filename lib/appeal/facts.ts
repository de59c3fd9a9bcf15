/**
 * The facts an appeal letter may state, measured from the history at the drop (nothing after it):
 * the repayment record, the profile, and which common reasons the core did not find.
 */
import { BORROWER_REASONS, type BorrowerReasonCode, type Drop } from "@/lib/core/types";
import type { EventOf, HistoryDocument } from "@/lib/history/schema";

export interface AppealFacts {
  repayments: number;
  /** Repayments after their due date plus overdue events, up to the drop. */
  late: number;
  firstDate: string | null;
  monthlyIncome: number | null;
  employment: string | null;
  employer: string | null;
  incomeProof: boolean;
  verified: { identity: boolean; bankCard: boolean; phone: boolean };
  /** Borrower-side reasons the core did not find for this drop, in the spec's order. */
  notApplying: BorrowerReasonCode[];
  applying: BorrowerReasonCode[];
}

export function appealFacts(history: Pick<HistoryDocument, "events">, drop: Drop): AppealFacts {
  const upTo = history.events.filter((e) => e.date.slice(0, 10) <= drop.date);
  const repayments = upTo.filter((e): e is EventOf<"repayment"> => e.type === "repayment" && !e.lender);
  const late = repayments.filter((r) => r.dueDate && r.date.slice(0, 10) > r.dueDate).length + upTo.filter((e) => e.type === "overdue").length;
  const profile: Partial<EventOf<"profile">> = {};
  for (const e of upTo.filter((x): x is EventOf<"profile"> => x.type === "profile").sort((a, b) => a.date.localeCompare(b.date))) {
    for (const [k, v] of Object.entries(e)) if (v !== undefined) Object.assign(profile, { [k]: v });
  }
  const fired = new Set(drop.reasons.map((r) => r.code));
  const dates = upTo.map((e) => e.date.slice(0, 10)).sort();
  return {
    repayments: repayments.length,
    late,
    firstDate: dates[0] ?? null,
    monthlyIncome: profile.monthlyIncome ?? null,
    employment: profile.employment ?? null,
    employer: profile.employer ?? null,
    incomeProof: profile.incomeProofOnFile === true,
    verified: { identity: profile.identityVerified === true, bankCard: profile.bankCardLinked === true, phone: profile.phoneVerified === true },
    notApplying: BORROWER_REASONS.filter((c) => !fired.has(c)),
    applying: BORROWER_REASONS.filter((c) => fired.has(c)),
  };
}
