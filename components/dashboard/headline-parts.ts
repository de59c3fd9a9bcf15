import type { LimitNow } from "@/lib/limit-change/summary";

/** Which sentence the headline says: a fall, a rise, or no change on file. */
export const HEADLINE_KINDS = ["down", "up", "steady"] as const;

export type HeadlineParts = {
  kind: (typeof HEADLINE_KINDS)[number];
  /** The day of the change, or of the latest observation when nothing changed. */
  day: string;
  /** The size of the change in yuan (0 when steady). */
  amount: number;
  /** The current drop: the latest change when it was a fall the core lists (a later rise means it is over). */
  dropDate: string | null;
};

/** What the dashboard's first line says, from today's limit and the drops the core found. Pure. */
export function headlineParts(now: LimitNow, dropDates: readonly string[]): HeadlineParts {
  const { change } = now;
  if (!change) return { kind: "steady", day: now.day, amount: 0, dropDate: null };
  const down = change.to < change.from;
  return {
    kind: down ? "down" : "up",
    day: change.day,
    amount: Math.abs(change.from - change.to),
    dropDate: down && dropDates.includes(change.day) ? change.day : null,
  };
}
