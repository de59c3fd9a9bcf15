/**
 * What every file importer returns besides its events: problems tied to a line of the file,
 * and the helper that runs each produced event through the history-v1 schema so an importer
 * can never hand the store an invalid event.
 */
import { historyEvent, type HistoryEvent } from "./schema";
import { formatPath } from "./parse";

/** A problem found in an imported file. `line` is 1-based as in the file; null = the whole file. */
export type ImportProblem = { line: number | null; message: string };

/** `line 14: amount "abc" is not a number` — the form users see. */
export function formatProblem(p: ImportProblem): string {
  return formatProblemIn(p, "en");
}

/** The same in the page's language (`第 14 行：…`). */
export function formatProblemIn(p: ImportProblem, lang: "zh" | "en"): string {
  if (p.line === null) return p.message;
  return lang === "zh" ? `第 ${p.line} 行：${p.message}` : `line ${p.line}: ${p.message}`;
}

export type SkippedRow = { line: number; reason: string };

/** Counts skipped rows by reason, for the import preview ("3 × status 交易关闭"). */
export function countByReason(skipped: readonly SkippedRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of skipped) counts[s.reason] = (counts[s.reason] ?? 0) + 1;
  return counts;
}

/**
 * Validates one candidate event. Returns the parsed event, or pushes one problem per schema
 * issue (e.g. `line 14: amount: must be a positive number`) and returns null.
 */
export function checkEvent(candidate: unknown, line: number | null, problems: ImportProblem[]): HistoryEvent | null {
  const parsed = historyEvent.safeParse(candidate);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const where = formatPath(issue.path);
    problems.push({ line, message: where ? `${where}: ${issue.message}` : issue.message });
  }
  return null;
}

/** Smallest and largest calendar day among `days` (YYYY-MM-DD compare as strings). */
export function dayRange(days: Iterable<string>): { from: string; to: string } | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const d of days) {
    if (from === null || d < from) from = d;
    if (to === null || d > to) to = d;
  }
  return from === null || to === null ? null : { from, to };
}
