/**
 * The facts an appeal letter may state, measured from the history at the drop (nothing after it):
 * the repayment record, the profile, and which common reasons the core did not find; and, apart,
 * what changed after the drop up to the letter's date, so the letter never passes today's profile
 * off as the one the lender saw.
 */
import { BORROWER_REASONS, type BorrowerReasonCode, type Drop } from "@/lib/core/types";
import type { EventOf, HistoryDocument, HistoryEvent } from "@/lib/history/schema";

type Profile = Partial<EventOf<"profile">>;
const FLAGS = ["identityVerified", "bankCardLinked", "phoneVerified", "incomeProofOnFile"] as const;
export type ProfileFlag = (typeof FLAGS)[number];

/** One thing that changed after the drop, with the day it took effect (the latest change of each kind). */
export type SinceChange =
  | { kind: "income"; value: number; on: string }
  | { kind: "employment"; value: string; on: string }
  | { kind: "employer"; value: string; on: string }
  | { kind: "flag"; flag: ProfileFlag; on: string };

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
  /** After the drop, up to the letter's date: profile changes, and the repayment record. */
  since: { changes: SinceChange[]; repayments: number; late: number };
}

const day = (e: { date: string }) => e.date.slice(0, 10);
const profilesOf = (events: readonly HistoryEvent[]) => events.filter((x): x is EventOf<"profile"> => x.type === "profile").sort((a, b) => a.date.localeCompare(b.date));
const ownRepayments = (events: readonly HistoryEvent[]) => events.filter((e): e is EventOf<"repayment"> => e.type === "repayment" && !e.lender);
const lateCount = (events: readonly HistoryEvent[]) => ownRepayments(events).filter((r) => r.dueDate && day(r) > r.dueDate).length + events.filter((e) => e.type === "overdue").length;

/** Invariant: every figure but `since` is computed from events dated on or before the drop only. */
export function appealFacts(history: Pick<HistoryDocument, "events">, drop: Drop, today = "9999-12-31"): AppealFacts {
  const upTo = history.events.filter((e) => day(e) <= drop.date);
  const after = history.events.filter((e) => day(e) > drop.date && day(e) <= today);
  const repayments = ownRepayments(upTo);
  const profile: Profile = {};
  for (const e of profilesOf(upTo)) for (const [k, v] of Object.entries(e)) if (v !== undefined) Object.assign(profile, { [k]: v });
  const fired = new Set(drop.reasons.map((r) => r.code));
  const dates = upTo.map(day).sort();
  return {
    repayments: repayments.length,
    late: lateCount(upTo),
    firstDate: dates[0] ?? null,
    monthlyIncome: profile.monthlyIncome ?? null,
    employment: profile.employment ?? null,
    employer: profile.employer ?? null,
    incomeProof: profile.incomeProofOnFile === true,
    verified: { identity: profile.identityVerified === true, bankCard: profile.bankCardLinked === true, phone: profile.phoneVerified === true },
    notApplying: BORROWER_REASONS.filter((c) => !fired.has(c)),
    applying: BORROWER_REASONS.filter((c) => fired.has(c)),
    since: { changes: changesSince(profile, profilesOf(after)), repayments: ownRepayments(after).length, late: lateCount(after) },
  };
}

/**
 * Profile fields that differ after the drop from what they were at it: the latest value of each,
 * dated by the profile event that set it. A flag counts only when it became true (a letter does
 * not volunteer that a card was unlinked); a value changed and changed back is no change.
 */
function changesSince(atDrop: Profile, later: readonly EventOf<"profile">[]): SinceChange[] {
  const now: Profile = { ...atDrop };
  const setOn: Partial<Record<keyof Profile, string>> = {};
  for (const e of later) {
    for (const [k, v] of Object.entries(e) as [keyof Profile, unknown][]) {
      if (v === undefined || k === "id" || k === "date" || k === "type" || k === "source" || k === "note") continue;
      if (now[k] !== v) setOn[k] = day(e);
      Object.assign(now, { [k]: v });
    }
  }
  const changed = (k: keyof Profile) => setOn[k] !== undefined && now[k] !== atDrop[k];
  const out: SinceChange[] = [];
  if (changed("monthlyIncome") && now.monthlyIncome !== undefined) out.push({ kind: "income", value: now.monthlyIncome, on: setOn.monthlyIncome! });
  if (changed("employment") && now.employment) out.push({ kind: "employment", value: now.employment, on: setOn.employment! });
  if (changed("employer") && now.employer) out.push({ kind: "employer", value: now.employer, on: setOn.employer! });
  for (const flag of FLAGS) if (changed(flag) && now[flag] === true) out.push({ kind: "flag", flag, on: setOn[flag]! });
  return out;
}
