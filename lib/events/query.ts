/** The /data page's query string (filters and keyset cursor), validated: a bad value is dropped, never a 500. */
import { z } from "zod";
import { calendarDay, EVENT_TYPES } from "@/lib/history/schema";

const day = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && calendarDay(v) === v);
// `2025-01-31~cm5abc…`: the last row's day and row id, as shown in the URL.
// The day must be a real calendar day: `2025-13-45` would reach the database as an invalid date.
const cursor = z
  .string()
  .max(120)
  .regex(/^\d{4}-\d{2}-\d{2}~[A-Za-z0-9_-]+$/)
  .refine((v) => calendarDay(v.slice(0, 10)) === v.slice(0, 10));

const field = <T extends z.ZodType>(s: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v === "" ? undefined : v), s.optional().catch(undefined));

/** `type=observation`: limits and scores together (the dashboard's "all observations" link). */
export const OBSERVATION_FILTER = "observation";

export const eventsQuery = z.object({
  type: field(z.enum([...EVENT_TYPES, OBSERVATION_FILTER])),
  from: field(day),
  to: field(day),
  after: field(cursor),
  before: field(cursor),
});
export type EventsQuery = z.infer<typeof eventsQuery>;

export function parseEventsQuery(params: Record<string, string | string[] | undefined>): EventsQuery {
  const q = eventsQuery.parse(params);
  // A reversed range is what the borrower meant the other way round.
  if (q.from && q.to && q.from > q.to) [q.from, q.to] = [q.to, q.from];
  return q;
}

export function cursorOf(q: EventsQuery): { day: string; id: string; dir: "after" | "before" } | null {
  const raw = q.after ?? q.before;
  if (!raw) return null;
  const [d, id] = raw.split("~") as [string, string];
  return { day: d, id, dir: q.after ? "after" : "before" };
}

/** The URL of the /data page with these filters and at most one cursor. */
export function eventsHref(q: Pick<EventsQuery, "type" | "from" | "to">, c?: { day: string; id: string; dir: "after" | "before" } | null): string {
  const p = new URLSearchParams();
  if (q.type) p.set("type", q.type);
  if (q.from) p.set("from", q.from);
  if (q.to) p.set("to", q.to);
  if (c) p.set(c.dir, `${c.day}~${c.id}`);
  const s = p.toString();
  return s ? `/data?${s}` : "/data";
}
