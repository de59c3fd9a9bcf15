/**
 * What the dashboard says before its chart: today's limit and its last change, and what an import
 * taught us when it carried no limit (bills never do). Pure, built once per history version with
 * the rest of the dashboard's view (lib/data/dashboard-view.ts).
 */
import { calendarDay, type HistoryEvent } from "@/lib/history/schema";

export type LimitNow = {
  /** The latest observed limit and its day. */
  limit: number;
  day: string;
  /** The latest observation that differs from the one before it: the change the borrower is here about. */
  change: { day: string; from: number; to: number } | null;
  score: { value: number; day: string } | null;
};

/** Months shown by the imported-activity chart: two years keep a phone's columns readable. */
export const LEARNED_MONTHS = 24;

export type LearnedMonth = { month: string; borrow: number; repayment: number; activity: number };

export type Learned = {
  borrow: { count: number; amount: number };
  repayment: { count: number; amount: number };
  /** Days with ordinary account activity (payments, transfers; an import merges one day's rows into one event). */
  activityDays: number;
  inquiries: number;
  hasProfile: boolean;
  firstDay: string | null;
  lastDay: string | null;
  /** The last LEARNED_MONTHS calendar months with any borrowing, repayment or activity, oldest first. */
  months: LearnedMonth[];
};

const dayOf = (e: HistoryEvent) => calendarDay(e.date) ?? e.date.slice(0, 10);

/** Today's limit and its change, from the events in the history's order (oldest first); null without limits. */
export function limitNow(events: readonly HistoryEvent[]): LimitNow | null {
  const limits: { day: string; value: number }[] = [];
  let score: LimitNow["score"] = null;
  for (const e of events) {
    if (e.type === "limit") limits.push({ day: dayOf(e), value: e.limit });
    else if (e.type === "score") score = { value: e.score, day: dayOf(e) };
  }
  const last = limits[limits.length - 1];
  if (!last) return null;
  let change: LimitNow["change"] = null;
  for (let i = limits.length - 1; i > 0; i--) {
    if (limits[i]!.value !== limits[i - 1]!.value) {
      change = { day: limits[i]!.day, from: limits[i - 1]!.value, to: limits[i]!.value };
      break;
    }
  }
  return { limit: last.value, day: last.day, change, score };
}

const cents = (v: number) => Math.round(v * 100) / 100;

/** Counts, sums and the date range of what the history holds besides limits and scores. */
export function learnedFromHistory(events: readonly HistoryEvent[]): Learned {
  const out: Learned = { borrow: { count: 0, amount: 0 }, repayment: { count: 0, amount: 0 }, activityDays: 0, inquiries: 0, hasProfile: false, firstDay: null, lastDay: null, months: [] };
  const months = new Map<string, LearnedMonth>();
  const activeDays = new Set<string>();
  const month = (day: string) => {
    const key = day.slice(0, 7);
    let m = months.get(key);
    if (!m) months.set(key, (m = { month: key, borrow: 0, repayment: 0, activity: 0 }));
    return m;
  };
  for (const e of events) {
    const day = dayOf(e);
    if (out.firstDay === null || day < out.firstDay) out.firstDay = day;
    if (out.lastDay === null || day > out.lastDay) out.lastDay = day;
    if (e.type === "borrow" || e.type === "repayment") {
      out[e.type].count += 1;
      out[e.type].amount = cents(out[e.type].amount + e.amount);
      month(day)[e.type] += 1;
    } else if (e.type === "activity") {
      if (!activeDays.has(day)) month(day).activity += 1;
      activeDays.add(day);
    } else if (e.type === "inquiry") out.inquiries += 1;
    else if (e.type === "profile") out.hasProfile = true;
  }
  out.activityDays = activeDays.size;
  out.months = [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)).slice(-LEARNED_MONTHS);
  return out;
}

/** What the app may still lack to say more about a drop, in the order it asks for them. */
export const MISSING_DATA = ["profile", "bill", "applications"] as const;
export type MissingData = (typeof MISSING_DATA)[number];

/** The kinds of what an import taught, as the dashboard counts and charts them. */
export const LEARNED_KINDS = ["borrow", "repayment", "activity"] as const;

/**
 * What the rule core still lacks to say more about a drop, most useful first: the profile (income,
 * verification), a bill (borrowing and repayment behaviour) and credit applications. The core
 * cannot tell "none" from "not told", so an empty kind is asked for rather than assumed.
 */
export function missingData(learned: Pick<Learned, "hasProfile" | "borrow" | "repayment" | "activityDays" | "inquiries">): MissingData[] {
  const out: MissingData[] = [];
  if (!learned.hasProfile) out.push("profile");
  if (learned.borrow.count + learned.repayment.count + learned.activityDays === 0) out.push("bill");
  if (learned.inquiries === 0) out.push("applications");
  return out;
}
