/**
 * Normalisation: every event gets its calendar day as a number and an id, and the list is put in
 * the one canonical order (day, then time where one was given, then type tie-break order, then id). Everything downstream reads
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

const DAY_MS = 86_400_000;
/** Asia/Shanghai has kept UTC+8 with no daylight saving since 1991 (as in calendarDay()). */
const SHANGHAI_MS = 8 * 3_600_000;

/**
 * Calendar day and milliseconds into that Shanghai day. A plain date has no time and counts as
 * the start of its day (spec: events of one day are ordered by their time where one was given).
 */
function dayOf(date: string): { day: number; ms: number } {
  if (date.length === 10) return { day: dayNumber(date), ms: 0 };
  const local = Date.parse(date) + SHANGHAI_MS;
  if (Number.isNaN(local)) return { day: dayNumber(calendarDay(date) ?? date.slice(0, 10)), ms: 0 };
  const day = Math.floor(local / DAY_MS);
  return { day, ms: local - day * DAY_MS };
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
    const { day, ms } = dayOf(e.date);
    // Within a day: time first, then the type tie-break order (16 > number of types).
    const ce: SortableEvent = { id: e.id ?? deriveEventId(e), day, type: e.type, event: e, key: ms * 16 + TYPE_RANK[e.type]! };
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
/** Same day: by time, then type order (both in `key`), then id as plain strings. */
const withinDay = (x: SortableEvent, y: SortableEvent): number => x.key - y.key || byId(x.id, y.id);
const canonicalOrder = (x: SortableEvent, y: SortableEvent): number => x.day - y.day || withinDay(x, y);

/**
 * Sorts by day, then (time, type), then id. Days are small integers, so when their range is not
 * much wider than the number of events a counting sort by day does the bulk in linear time (the
 * explain benchmark's scaling goal) and each day's short run is sorted on its own; sparse
 * histories fall back to the comparison sort. Same order either way.
 */
function sortEvents(list: SortableEvent[]): SortableEvent[] {
  const n = list.length;
  if (n < 64) return list.sort(canonicalOrder);
  let min = Infinity;
  let max = -Infinity;
  for (const e of list) {
    if (e.day < min) min = e.day;
    if (e.day > max) max = e.day;
  }
  const range = max - min + 1;
  if (range > 8 * n) return list.sort(canonicalOrder);
  const start = new Int32Array(range + 1);
  for (const e of list) start[e.day - min + 1]!++;
  for (let k = 1; k <= range; k++) start[k]! += start[k - 1]!;
  const out: SortableEvent[] = new Array(n);
  const fill = start.slice(0, range);
  for (const e of list) out[fill[e.day - min]!++] = e;
  // Events of one day: insertion sort (a day holds a handful), a real sort for long days.
  for (let k = 0; k < range; k++) {
    const from = start[k]!;
    const to = start[k + 1]!;
    if (to - from > 32) {
      const run = out.slice(from, to).sort(withinDay);
      for (let i = from; i < to; i++) out[i] = run[i - from]!;
      continue;
    }
    for (let i = from + 1; i < to; i++) {
      const e = out[i]!;
      let j = i - 1;
      while (j >= from && withinDay(out[j]!, e) > 0) {
        out[j + 1] = out[j]!;
        j--;
      }
      out[j + 1] = e;
    }
  }
  return out;
}

type SortableEvent = CoreEvent & { key: number };
