/**
 * The outlook of each drop (spec: "How long until it comes back"): when its signals clear, the
 * likely window of a restore, on which basis and how sure. It reads every event up to the latest
 * one, so it follows what the borrower does after the drop; the drop's reasons never do.
 */
import type { Clearing } from "./clearing";
import { NEVER } from "./clearing";
import { dayString, upperBound } from "./days";
import type { DetectedDrop } from "./drops";
import { THRESHOLDS as T } from "./thresholds";
import type { Timeline } from "./timeline-types";
import { BORROWER_REASONS, type BorrowerReasonCode, type CoreContext, type Drop, type Outlook, type OutlookBasis, type ReasonCode } from "./types";

const isBorrower = (code: ReasonCode): code is BorrowerReasonCode => (BORROWER_REASONS as readonly string[]).includes(code);

/** For every limit observation i, the index of the next one at or above it (-1 if none): one monotonic stack, O(n). */
export function nextAtOrAbove(values: readonly number[]): Int32Array {
  const next = new Int32Array(values.length).fill(-1);
  const stack: number[] = [];
  for (let j = 0; j < values.length; j++) {
    while (stack.length && values[stack[stack.length - 1]!]! <= values[j]!) next[stack.pop()!] = j;
    stack.push(j);
  }
  return next;
}

/** Median of a sorted list. */
function median(s: readonly number[]): number {
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Outlooks for the explained drops (same order as `detected`), undefined for temporary ones.
 * Invariants: signalsClearOn is after the drop or null; likelyFrom ≤ likelyTo, never before
 * signalsClearOn; null only when no borrower signal, own history or cohort gives a basis and
 * no later observation restored the drop.
 */
export function outlooks(t: Timeline, detected: readonly DetectedDrop[], drops: readonly Drop[], clear: Clearing, context?: CoreContext): (Outlook | null | undefined)[] {
  const next = nextAtOrAbove(t.limits.values);
  const restoredDay = detected.map((d) => {
    const j = next[d.index - 1]!;
    return j >= 0 ? t.limits.days[j]! : null;
  });
  const cohorts = (context?.restoreCohorts ?? []).filter((c) => c.product === t.borrower.product && c.borrowers >= T.cohortMinBorrowers);
  // Delays of restored, non-temporary drops by main reason, kept sorted (the median in O(1)); a
  // drop's own day's entries join only once a later day is reached, so "earlier" stays strict.
  const delays = new Map<ReasonCode, number[]>();
  let sameDay: { day: number; code: ReasonCode; delay: number }[] = [];
  const insert = (code: ReasonCode, delay: number) => {
    const list = delays.get(code) ?? [];
    list.splice(upperBound(list, delay), 0, delay);
    delays.set(code, list);
  };
  return detected.map((d, i) => {
    const drop = drops[i]!;
    const main = drop.reasons[0]!.code;
    const restored = restoredDay[i]!;
    if (sameDay.length && sameDay[0]!.day < d.day) {
      for (const p of sameDay) insert(p.code, p.delay);
      sameDay = [];
    }
    const earlier = delays.get(main) ?? [];
    if (!d.temporary && restored !== null) sameDay.push({ day: d.day, code: main, delay: restored - d.day });
    if (d.temporary) return undefined;

    const blocked: ReasonCode[] = [];
    let clears = d.day + 1;
    const signals = drop.reasons.filter((r) => isBorrower(r.code));
    for (const r of signals) {
      const on = clear.clearsAfter(r.code as BorrowerReasonCode, d.day);
      if (on === NEVER) blocked.push(r.code);
      else clears = Math.max(clears, on);
    }
    const signalsClearOn = signals.length && !blocked.length ? clears : null;
    const cohort = cohorts.find((c) => c.reason === main);
    const own = earlier.length ? { drops: earlier.length, medianDays: median(earlier) } : undefined;
    const basis: OutlookBasis[] = [];
    if (signals.length) basis.push("signals");
    if (own) basis.push("own-history");
    if (cohort) basis.push("cohort");
    // No basis and not restored: nothing to say but that (the text says so). A restored drop
    // always answers with the fact, which is also what the app's restore cohort is built from.
    if (!basis.length && restored === null) return null;

    let window: [number, number] | null = null;
    if (!blocked.length && basis.length) {
      let [from, to] =
        cohort !== undefined
          ? [d.day + cohort.q1Days, d.day + cohort.q3Days]
          : own !== undefined
            ? [d.day + own.medianDays, d.day + own.medianDays + T.reviewCycleDays]
            : [clears, clears + T.reviewCycleDays];
      if (cohort && own) [from, to] = [Math.min(from, d.day + own.medianDays), Math.max(to, d.day + own.medianDays)];
      // A restore is not likely before the signals clear: the window starts there at the earliest.
      if (signalsClearOn !== null && from < signalsClearOn) [from, to] = [signalsClearOn, Math.max(to, signalsClearOn + T.reviewCycleDays)];
      window = [Math.round(from), Math.round(Math.max(from, to))];
    }
    const confidence = own && cohort ? "high" : own || cohort ? "medium" : "low";
    const out: Outlook = {
      signalsClearOn: signalsClearOn === null ? null : dayString(signalsClearOn),
      likelyFrom: window ? dayString(window[0]) : null,
      likelyTo: window ? dayString(window[1]) : null,
      basis,
      confidence,
      pending: blocked,
      restoredOn: restored === null ? null : dayString(restored),
    };
    if (own) out.ownHistory = own;
    if (cohort) out.cohort = { borrowers: cohort.borrowers, medianDays: cohort.medianDays, q1Days: cohort.q1Days, q3Days: cohort.q3Days };
    return out;
  });
}
