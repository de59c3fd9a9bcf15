import type { z } from "zod";
import { calendarDay, historyDocument, type HistoryDocument } from "./schema";
import { DAY_MS, shanghaiDay } from "@/lib/days";

export type ParseResult = { ok: true; document: HistoryDocument } | { ok: false; problems: string[] };

/** `events[12].amount` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = formatPath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

/**
 * Validates a history-v1 document: the zod schema plus the checks that need the clock
 * (no event more than one day ahead of `now`). Never throws on bad input; every problem is
 * listed by JSON path, in document order.
 */
export function parseHistory(input: unknown, options: { now?: Date } = {}): ParseResult {
  const parsed = historyDocument.safeParse(input);
  if (!parsed.success) return { ok: false, problems: formatIssues(parsed.error.issues) };
  const now = options.now ?? new Date();
  const latest = shanghaiDay(now.getTime() + DAY_MS);
  const problems: string[] = [];
  parsed.data.events.forEach((e, i) => {
    const day = calendarDay(e.date)!;
    if (day > latest) problems.push(`events[${i}].date: is in the future (${day})`);
  });
  return problems.length ? { ok: false, problems } : { ok: true, document: parsed.data };
}

/** Parses JSON text, reporting malformed JSON as a problem instead of throwing. */
export function parseHistoryJson(text: string, options: { now?: Date } = {}): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [`not valid JSON: ${(err as Error).message}`] };
  }
  return parseHistory(value, options);
}
