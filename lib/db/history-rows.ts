/**
 * Pure mapping between history-v1 events and rows of the Event table: canonical hashing, derived
 * ids for events imported without one, and the reverse mapping for export. No database and no
 * "server-only", so scripts, tests and lib/data/history.ts share one definition.
 */
import { createHash } from "node:crypto";
import { calendarDay, type HistoryEvent } from "@/lib/history/schema";

/** Prefix of ids the app derives; the spec's ids are free text, so keep ours recognisable. */
export const DERIVED_ID_PREFIX = "h_";

export type EventRow = {
  eventId: string;
  idDerived: boolean;
  type: HistoryEvent["type"];
  /** YYYY-MM-DD, the Asia/Shanghai calendar day of `date`. */
  day: string;
  value: number | null;
  /** The event as given (derived ids are not written into it). */
  payload: HistoryEvent;
  hash: string;
};

/** JSON with object keys sorted, so equal content always hashes equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The number charts and queries read without parsing JSON: amount, limit, score or balance. */
export function eventValue(event: HistoryEvent): number | null {
  switch (event.type) {
    case "borrow":
    case "repayment":
    case "overdue":
      return event.amount;
    case "limit":
      return event.limit;
    case "account":
      return event.limit ?? null;
    case "score":
      return event.score;
    case "asset":
      return event.balance;
    default:
      return null;
  }
}

/**
 * Rows for a validated document's events. An event without `id` gets `h_` + sha256 of its content
 * (without `source`, so the same fact re-imported through another channel is recognised).
 * Identical id-less events in one document are distinct facts (two equal repayments on one day),
 * so the n-th repeat gets `-n` appended: re-importing the same document yields the same ids.
 * `source`, when given, fills in the `source` of events that carry none.
 */
export function toEventRows(events: readonly HistoryEvent[], options: { source?: string } = {}): EventRow[] {
  const repeats = new Map<string, number>();
  return events.map((original) => {
    const payload: HistoryEvent = options.source && original.source === undefined ? { ...original, source: options.source } : original;
    const hash = sha256(canonicalJson(payload));
    let eventId = original.id;
    const idDerived = eventId === undefined;
    if (eventId === undefined) {
      // Most id-less events carry no source: then the content hash is the payload hash already.
      const { source, ...content } = payload;
      const contentHash = source === undefined ? hash : sha256(canonicalJson(content));
      const base = DERIVED_ID_PREFIX + contentHash.slice(0, 32);
      const n = (repeats.get(base) ?? 0) + 1;
      repeats.set(base, n);
      eventId = n === 1 ? base : `${base}-${n}`;
    }
    return { eventId, idDerived, type: payload.type, day: calendarDay(payload.date)!, value: eventValue(payload), payload, hash };
  });
}

/** The event as exported: exactly as imported, derived ids left out (so export → import is a no-op). */
export function exportedEvent(row: { eventId: string; idDerived: boolean; payload: unknown }): HistoryEvent {
  const payload = row.payload as HistoryEvent;
  if (row.idDerived) {
    const rest = { ...payload };
    delete rest.id;
    return rest;
  }
  return { ...payload, id: row.eventId };
}

/** The event as the rule core sees it: always with an id, so explanations can cite every event. */
export function loadedEvent(row: { eventId: string; payload: unknown }): HistoryEvent {
  return { ...(row.payload as HistoryEvent), id: row.eventId };
}
