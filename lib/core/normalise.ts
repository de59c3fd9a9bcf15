/**
 * Normalisation: every event gets its calendar day as a number and an id, and the list is put in
 * the one canonical order (day, then type tie-break order, then id). Everything downstream reads
 * only this order, so a result never depends on how the input happened to be ordered.
 */
import { calendarDay, EVENT_TYPES, type HistoryEvent } from "@/lib/history/schema";
import { dayNumber } from "./days";
import type { CoreEvent } from "./types";

const TYPE_RANK: Record<string, number> = Object.fromEntries(EVENT_TYPES.map((t, i) => [t, i]));

/** JSON with sorted keys, so two events with the same content serialise the same way. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(",")}}`;
}

/** Two FNV-1a passes with different seeds: 64 bits of hash, plenty for one borrower's history. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/**
 * The id the app gives an event that has none: a hash of its content (without id), so a
 * re-import of the same event gets the same id.
 */
export function deriveEventId(event: HistoryEvent): string {
  const { id: _omit, ...content } = event;
  void _omit;
  return `h-${hash64(canonical(content))}`;
}

function dayOf(date: string): number {
  // Plain dates are the common case; calendarDay() handles date-times with offsets.
  const day = date.length === 10 ? date : calendarDay(date);
  return dayNumber(day ?? date);
}

/**
 * Sorted, id-complete events. Invariant: the output depends only on the multiset of events,
 * not on their input order (derived ids of identical events get `~2`, `~3`… suffixes, which is
 * order-free because those events are indistinguishable).
 */
export function normaliseEvents(events: readonly HistoryEvent[]): CoreEvent[] {
  const taken = new Set<string>();
  for (const e of events) if (e.id !== undefined) taken.add(e.id);
  const out: CoreEvent[] = new Array(events.length);
  const derived: CoreEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const ce: CoreEvent = { id: e.id ?? deriveEventId(e), day: dayOf(e.date), type: e.type, event: e };
    out[i] = ce;
    if (e.id === undefined) derived.push(ce);
  }
  if (derived.length) {
    derived.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    for (const ce of derived) {
      let id = ce.id;
      for (let n = 2; taken.has(id); n++) id = `${ce.id}~${n}`;
      ce.id = id;
      taken.add(id);
    }
  }
  out.sort(compareEvents);
  return out;
}

export function compareEvents(x: CoreEvent, y: CoreEvent): number {
  return x.day - y.day || TYPE_RANK[x.type]! - TYPE_RANK[y.type]! || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}
