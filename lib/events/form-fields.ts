/**
 * The event forms' fields, read from the history-v1 zod schema itself (like the CSV export's
 * columns), so every event type has a form and a field added to the schema appears in it.
 * Client-safe: imports only the schema. The same `historyEvent` validates in the browser and
 * again in the server action.
 */
import type { z } from "zod";
import { historyEvent, type EventType, type HistoryEvent } from "@/lib/history/schema";

export type FieldKind = "text" | "longText" | "number" | "boolean" | "enum" | "date";
export type FormField = { name: string; kind: FieldKind; required: boolean; options?: readonly string[] };

/** Set by the app, not typed by the borrower: the id is the row's, the source says where it came from. */
const HIDDEN = new Set(["id", "type", "source"]);
const LONG_TEXT = new Set(["note", "text"]);
const DATE_FIELDS = new Set(["date", "dueDate"]);

function unwrap(schema: z.core.$ZodType): { inner: z.core.$ZodType; optional: boolean } {
  let s = schema;
  let optional = false;
  while (s._zod.def.type === "optional" || s._zod.def.type === "default") {
    optional = true;
    s = (s._zod.def as unknown as { innerType: z.core.$ZodType }).innerType;
  }
  return { inner: s, optional };
}

function fieldOf(name: string, schema: z.core.$ZodType): FormField {
  const { inner, optional } = unwrap(schema);
  const t = inner._zod.def.type;
  const required = !optional;
  if (DATE_FIELDS.has(name)) return { name, kind: "date", required };
  if (t === "number") return { name, kind: "number", required };
  if (t === "boolean") return { name, kind: "boolean", required };
  if (t === "enum") return { name, kind: "enum", required, options: Object.values((inner._zod.def as unknown as { entries: Record<string, string> }).entries) };
  return { name, kind: LONG_TEXT.has(name) ? "longText" : "text", required };
}

/** Fields per event type, in schema order with `date` first and `note` last. */
export const EVENT_FORM_FIELDS: Readonly<Record<EventType, readonly FormField[]>> = Object.fromEntries(
  historyEvent.options.map((option) => {
    const shape = option.shape as Record<string, z.core.$ZodType>;
    const type = (option.shape.type as unknown as { value: EventType }).value;
    const fields = Object.entries(shape)
      .filter(([k]) => !HIDDEN.has(k))
      .map(([k, s]) => fieldOf(k, s))
      .sort((a, b) => rank(a.name) - rank(b.name));
    return [type, fields];
  }),
) as unknown as Record<EventType, readonly FormField[]>;

function rank(name: string): number {
  return name === "date" ? -1 : name === "note" ? 1 : 0;
}


/**
 * Form strings → a candidate event for `historyEvent`. Empty optional cells are left out; an
 * empty required text stays "" so the schema says "must not be empty"; a number that does not
 * parse stays text so the schema says "must be a number". `1,234.50` and `1 234` are accepted.
 */
export function formToCandidate(type: EventType, values: Record<string, string | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = { type };
  for (const f of EVENT_FORM_FIELDS[type]) {
    const raw = (values[f.name] ?? "").trim();
    if (raw === "") {
      if (f.required && (f.kind === "text" || f.kind === "longText" || f.kind === "date")) out[f.name] = "";
      continue;
    }
    if (f.kind === "number") {
      const n = Number(raw.replace(/[,\s]/g, ""));
      out[f.name] = Number.isFinite(n) ? n : raw;
    } else if (f.kind === "boolean") out[f.name] = raw === "true";
    else out[f.name] = raw;
  }
  return out;
}

/** An event's values as form strings (the inverse of formToCandidate). */
export function eventToForm(event: HistoryEvent): Record<string, string> {
  const out: Record<string, string> = {};
  const record = event as Record<string, unknown>;
  for (const f of EVENT_FORM_FIELDS[event.type]) {
    const v = record[f.name];
    if (v === undefined || v === null) continue;
    // A date-time with offset is shown as its calendar day: the form edits days.
    out[f.name] = f.kind === "date" ? String(v).slice(0, 10) : String(v);
  }
  return out;
}

export type FieldErrors = Record<string, string>;

/** Validates with the one schema; the first message per field (English, see errorMessageKey). */
export function validateEvent(candidate: unknown): { ok: true; event: HistoryEvent } | { ok: false; errors: FieldErrors } {
  const parsed = historyEvent.safeParse(candidate);
  if (parsed.success) return { ok: true, event: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
