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
  const out: SortableEvent[] = new Array(events.length);
  const derived: SortableEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const day = dayOf(e.date);
    const ce: SortableEvent = { id: e.id ?? deriveEventId(e), day, type: e.type, event: e, key: day * 16 + TYPE_RANK[e.type]! };
    out[i] = ce;
    if (e.id === undefined) derived.push(ce);
  }
  if (derived.length) {
    const taken = new Set<string>();
    for (const e of events) if (e.id !== undefined) taken.add(e.id);
    derived.sort((x, y) => byId(x.id, y.id));
    for (const ce of derived) {
      let id = ce.id;
      for (let n = 2; taken.has(id); n++) id = `${ce.id}~${n}`;
      ce.id = id;
      taken.add(id);
    }
  }
  return sortEvents(out);
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts by (day, type) key, then id. Keys are small integers, so when their range is not much
 * wider than the number of events a counting sort does it in linear time (the explain benchmark's
 * scaling goal); sparse histories fall back to the comparison sort. Same order either way.
 */
function sortEvents(list: SortableEvent[]): SortableEvent[] {
  const n = list.length;
  if (n < 64) return list.sort((x, y) => x.key - y.key || byId(x.id, y.id));
  let min = Infinity;
  let max = -Infinity;
  for (const e of list) {
    if (e.key < min) min = e.key;
    if (e.key > max) max = e.key;
  }
  const range = max - min + 1;
  if (range > 8 * n) return list.sort((x, y) => x.key - y.key || byId(x.id, y.id));
  const start = new Int32Array(range + 1);
  for (const e of list) start[e.key - min + 1]!++;
  for (let k = 1; k <= range; k++) start[k]! += start[k - 1]!;
  const out: SortableEvent[] = new Array(n);
  const fill = start.slice(0, range);
  for (const e of list) out[fill[e.key - min]!++] = e;
  // Events sharing a day and type: order by id (insertion sort; such runs are short).
  for (let k = 0; k < range; k++) {
    const from = start[k]!;
    const to = start[k + 1]!;
    if (to - from > 32) {
      const run = out.slice(from, to).sort((x, y) => byId(x.id, y.id));
      for (let i = from; i < to; i++) out[i] = run[i - from]!;
      continue;
    }
    for (let i = from + 1; i < to; i++) {
      const e = out[i]!;
      let j = i - 1;
      while (j >= from && byId(out[j]!.id, e.id) > 0) {
        out[j + 1] = out[j]!;
        j--;
      }
      out[j + 1] = e;
    }
  }
  return out;
}

type SortableEvent = CoreEvent & { key: number };
