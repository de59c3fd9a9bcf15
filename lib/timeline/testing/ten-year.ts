/**
 * A generated ten-year borrower (~30,000 events) for size and speed tests. Deterministic
 * (seeded PRNG), so a failing size test fails the same way on every machine.
 */
import { dayString } from "@/lib/core/days";
import type { Drop, Explanation } from "@/lib/core/types";
import type { HistoryDocument, HistoryEvent } from "@/lib/history/schema";

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return (s >>> 8) / 0x1000000;
  };
}

export function tenYearHistory(seed = 7): HistoryDocument {
  const rnd = prng(seed);
  const start = Math.floor(Date.UTC(2015, 0, 1) / 86_400_000);
  const events: HistoryEvent[] = [];
  let limit = 30000;
  let score = 700;
  let n = 0;
  const id = (p: string) => `${p}${n++}`;
  for (let i = 0; i < 3650; i++) {
    const date = dayString(start + i);
    // A drop roughly every 200 days, a rise between them: the chart has something to keep.
    if (i > 0 && i % 200 === 0) limit = Math.max(0, Math.round(limit * (rnd() < 0.2 ? 0 : 0.6)));
    else if (i % 200 === 100) limit = Math.round(limit / 0.6 + 5000);
    events.push({ id: id("l"), type: "limit", date, limit });
    if (i % 3 === 0) {
      score = Math.min(950, Math.max(350, score + Math.round((rnd() - 0.5) * 8)));
      events.push({ id: id("s"), type: "score", date, score });
    }
    // About two draws, two repayments and three payments a day: ~30,000 events in ten years.
    for (let k = Math.floor(rnd() * 5); k > 0; k--) events.push({ id: id("b"), type: "borrow", date, amount: Math.round(rnd() * 2000) + 100 });
    for (let k = Math.floor(rnd() * 5); k > 0; k--) events.push({ id: id("r"), type: "repayment", date, amount: Math.round(rnd() * 2000) + 100 });
    for (let k = Math.floor(rnd() * 6); k > 0; k--) events.push({ id: id("a"), type: "activity", date, kind: "payment" });
    if (rnd() < 0.12) events.push({ id: id("i"), type: "inquiry", date, lender: "Bank" });
    if (rnd() < 0.01) events.push({ id: id("n"), type: "notice", date, scope: "platform", kind: "policy", text: "Policy update" });
  }
  return { format: "credit-health-history", version: 1, borrower: { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } }, events };
}

/** Drops found the spec's way (a lower limit than the previous observation), without reasons. */
export function naiveExplanation(doc: HistoryDocument): Explanation {
  const drops: Drop[] = [];
  let prev: number | null = null;
  for (const e of doc.events) {
    if (e.type !== "limit") continue;
    if (prev !== null && e.limit < prev) {
      drops.push({
        date: e.date,
        previousLimit: prev,
        newLimit: e.limit,
        kind: e.limit === 0 ? "cancellation" : "decrease",
        temporary: false,
        eventId: e.id ?? "",
        reasons: [],
        steps: [],
      });
    }
    prev = e.limit;
  }
  return { version: 1, drops, growth: null };
}
