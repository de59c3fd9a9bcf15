/**
 * readImportFile's result as the worker task sends it back, compact, because the request thread
 * pays for every object it receives: the events as one JSON text (one string to copy, parsed in
 * one call; cheaper to receive than thousands of cloned objects) and the skipped rows as line
 * numbers and a table of their few distinct reasons. No parser is imported here, so the request
 * side's bundle holds none.
 */
import type { SkippedRow } from "@/lib/history/import-result";
import type { HistoryDocument } from "@/lib/history/schema";
import type { ParsedFile, ReadFileResult, ReadOptions } from "./read-file";

export type ReadFilePayload = { bytes: Uint8Array; options: ReadOptions };

export type CompactSkipped = { lines: Int32Array; reasonOf: Uint32Array; reasons: string[] };

export type CompactParsed = Omit<ParsedFile, "document" | "skipped"> & {
  document: (Omit<HistoryDocument, "events"> & { eventsJson: string }) | null;
  skipped: CompactSkipped;
};

export type CompactRead = Exclude<ReadFileResult, ParsedFile> | CompactParsed;

export function packSkipped(skipped: readonly SkippedRow[]): CompactSkipped {
  const index = new Map<string, number>();
  const lines = new Int32Array(skipped.length);
  const reasonOf = new Uint32Array(skipped.length);
  skipped.forEach((s, i) => {
    let r = index.get(s.reason);
    if (r === undefined) index.set(s.reason, (r = index.size));
    lines[i] = s.line;
    reasonOf[i] = r;
  });
  return { lines, reasonOf, reasons: [...index.keys()] };
}

export function unpackSkipped(c: CompactSkipped): SkippedRow[] {
  const out: SkippedRow[] = new Array(c.lines.length);
  for (let i = 0; i < c.lines.length; i++) out[i] = { line: c.lines[i]!, reason: c.reasons[c.reasonOf[i]!]! };
  return out;
}

export function packRead(r: ReadFileResult): CompactRead {
  if (r.kind !== "parsed") return r;
  const { document, skipped, ...rest } = r;
  const doc = document ? (({ events, ...head }) => ({ ...head, eventsJson: JSON.stringify(events) }))(document) : null;
  return { ...rest, document: doc, skipped: packSkipped(skipped) };
}

export function unpackRead(c: CompactRead): ReadFileResult {
  if (c.kind !== "parsed") return c;
  const { document, skipped, ...rest } = c;
  const doc = document ? (({ eventsJson, ...head }) => ({ ...head, events: JSON.parse(eventsJson) as HistoryDocument["events"] }))(document) : null;
  return { ...rest, document: doc, skipped: unpackSkipped(skipped) };
}

