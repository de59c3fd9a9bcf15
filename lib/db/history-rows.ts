/**
 * Pure mapping between history-v1 events and rows of the Event table: canonical hashing, derived
 * ids for events imported without one, and the reverse mapping for export. No database and no
 * "server-only", so scripts, tests and lib/data/history.ts share one definition.
 */
import { hash } from "node:crypto";
import { calendarDay, historyEvent, type HistoryEvent } from "@/lib/history/schema";

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

/**
 * JSON with object keys sorted, so equal content always hashes equally whatever the key order.
 * Written as loops rather than entries/filter/sort/map: it runs for every imported event, and
 * this form is about twice as fast for the same output (stored hashes must never change).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + (canonicalJson(value[i]) ?? "");
    return out + "]";
  }
  return `{${canonicalMembers(value as Record<string, unknown>).join(",")}}`;
}

/** `"key":value` of each defined member, in sorted key order (UTF-16 code units, as `<` compares). */
function canonicalMembers(obj: Record<string, unknown>): string[] {
  const keys = Object.keys(obj).sort();
  const members: string[] = [];
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    members.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
  }
  return members;
}

const SOURCE_MEMBER = `${JSON.stringify("source")}:`;

/** One-shot hashing (crypto.hash): for short texts about twice as fast as createHash().update().digest(). */
export function sha256(text: string): string {
  return hash("sha256", text, "hex");
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
    let eventId = original.id;
    const idDerived = eventId === undefined;
    let hash: string;
    if (eventId === undefined) {
      // One canonical pass serves both hashes: the content's (without source) and the payload's.
      const members = canonicalMembers(payload);
      const content = payload.source === undefined ? members : members.filter((m) => !m.startsWith(SOURCE_MEMBER));
      const contentHash = sha256(`{${content.join(",")}}`);
      hash = content === members ? contentHash : sha256(`{${members.join(",")}}`);
      const base = DERIVED_ID_PREFIX + contentHash.slice(0, 32);
      const n = (repeats.get(base) ?? 0) + 1;
      repeats.set(base, n);
      eventId = n === 1 ? base : `${base}-${n}`;
    } else {
      hash = sha256(canonicalJson(payload));
    }
    return { eventId, idDerived, type: payload.type, day: calendarDay(payload.date)!, value: eventValue(payload), payload, hash };
  });
}

/** Each event type's members (as the schema declares them) in canonicalJson's order, with their `"key":`. */
const SORTED_MEMBERS = new Map<string, { key: string; prefix: string }[]>(
  historyEvent.options.map((o) => [o.shape.type.value as string, Object.keys(o.shape).sort().map((key) => ({ key, prefix: `${JSON.stringify(key)}:` }))]),
);

export type MadeRow = { eventId: string; idDerived: boolean; hash: string; /** canonicalJson of the payload (source filled in). */ json: string };

/**
 * toEventRows one event at a time, for the import's hot path: the same ids and hashes (checked on
 * generated documents in history-rows.test.ts), and the canonical payload text it hashed, which
 * the COPY writes (jsonb keeps no key order, so it stores the same value as JSON.stringify's).
 * The members come from the schema's list of each type's keys instead of a sort per event, and
 * no payload object is built: about three times faster for a 100,000-event document. Events are
 * given in document order (the n-th id-less repeat is numbered in that order).
 */
export function rowMaker(options: { source?: string } = {}): (event: HistoryEvent) => MadeRow {
  const repeats = new Map<string, number>();
  const fill = options.source;
  return (event) => {
    const members = SORTED_MEMBERS.get(event.type);
    const idDerived = event.id === undefined;
    // Every type of the schema has its list; another type cannot have passed validation.
    if (!members) throw new Error(`rowMaker: "${event.type}" is not an event type of the schema.`);
    const record = event as Record<string, unknown>;
    let full = "";
    let content = "";
    let hasSource = false;
    for (const { key, prefix } of members) {
      let v = record[key];
      if (key === "source") {
        if (v === undefined) v = fill || undefined;
        if (v === undefined) continue;
        hasSource = true;
        full += (full ? "," : "") + prefix + JSON.stringify(v);
        continue;
      }
      if (v === undefined) continue;
      const m = prefix + (typeof v === "object" && v !== null ? canonicalJson(v) : JSON.stringify(v));
      full += (full ? "," : "") + m;
      if (idDerived) content += (content ? "," : "") + m;
    }
    const json = `{${full}}`;
    if (!idDerived) return { eventId: event.id!, idDerived, hash: sha256(json), json };
    const contentHash = sha256(`{${content}}`);
    const base = DERIVED_ID_PREFIX + contentHash.slice(0, 32);
    const n = (repeats.get(base) ?? 0) + 1;
    repeats.set(base, n);
    return { eventId: n === 1 ? base : `${base}-${n}`, idDerived, hash: hasSource ? sha256(json) : contentHash, json };
  };
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
