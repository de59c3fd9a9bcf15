import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { importHistory, readBorrower, type ImportCounts } from "@/lib/data/history";
import { toEventRows } from "@/lib/db/history-rows";
import { AppError } from "@/lib/errors";
import { csvMapping, type CsvMappingInput, type MappingSuggestion } from "@/lib/history/csv-mapping";
import type { CsvInspection } from "@/lib/history/csv-generic";
import { countByReason } from "@/lib/history/import-result";
import { FORMAT_NAMES, lenderName } from "@/lib/history/importers/registry";
import type { Lang } from "@/lib/history/importers/text";
import type { BillFormatId } from "@/lib/history/importers/types";
import { formatPath } from "@/lib/history/parse";
import type { HistoryDocument } from "@/lib/history/schema";
import type { FileFormat, Packaging, ParsedFile } from "@/lib/import/read-file";
import { readImportFileOffThread } from "@/lib/import/read-off-thread";
import { recordAudit } from "@/lib/data/audit";
import { withSignalWatch } from "@/lib/reminders/signal-watch";

/*
 * The /data/import service: preview a file against what the user already has, then import it
 * in one transaction (events, saved mapping and audit row together) or not at all. Both steps
 * read the file afresh, so what is saved never depends on a preview the browser could have altered.
 */

/** Lists in the preview are cut here; the totals stay exact. */
export const PREVIEW_LIST_MAX = 200;

export type PreviewReady = {
  kind: "preview";
  format: FileFormat;
  /** The format's name in the page's language. */
  formatName: string;
  packaging: Packaging;
  ok: boolean;
  /** rowsTotal = recognisedRows + mergedRows + skippedTotal + rows with problems. */
  rowsTotal: number;
  recognisedRows: number;
  mergedRows: number;
  activityDays: number;
  events: number;
  byType: Record<string, number>;
  skippedTotal: number;
  skippedByReason: Record<string, number>;
  skippedSample: { line: number; reason: string }[];
  dateRange: { from: string; to: string } | null;
  /** Other lenders the bill names (as stored), and how each reads in the page's language. */
  lenders: string[];
  lenderLabels: string[];
  /** Against the user's stored events: ids never seen, seen with other content, seen identical. */
  fresh: number;
  changed: number;
  known: number;
  problems: string[];
  problemCount: number;
  unmappedTypeValues: string[];
  /** The mapping used for a plain CSV, and whether it was the one remembered for this header. */
  mapping?: CsvMappingInput;
  mappingRemembered?: boolean;
  /** A plain CSV's columns, first rows and every column's values, so the mapping can be changed. */
  csv?: { headers: string[]; sampleRows: string[][]; columnValues: Record<string, string[]> };
};

export type ImportPreview =
  | { kind: "refused"; message: string }
  | { kind: "needs-password"; wrong: boolean; message: string; looksLike: BillFormatId | null; formatName: string | null }
  | { kind: "needs-mapping"; inspection: CsvInspection; suggestion: MappingSuggestion }
  | PreviewReady;

export type ImportFileInput = { userId: string; bytes: Uint8Array; mapping?: CsvMappingInput; password?: string; lang?: Lang; now?: Date };

/** A plain CSV's mapping: the one given, else the one saved for this header (if any). */
async function resolve(db: PrismaClient, input: ImportFileInput) {
  const borrower = await readBorrower(db, input.userId);
  const options = { borrower, password: input.password, lang: input.lang, now: input.now };
  // Parsing runs in the worker pool: a 100,000-row bill never holds up the request thread.
  let read = await readImportFileOffThread(input.bytes, { ...options, mapping: input.mapping });
  let remembered = false;
  let mapping = input.mapping;
  if (read.kind === "needs-mapping") {
    const saved = await db.csvMapping.findUnique({
      where: { userId_headerHash: { userId: input.userId, headerHash: read.inspection.headerHash } },
      select: { mapping: true },
    });
    const valid = saved ? csvMapping.safeParse(saved.mapping) : null;
    if (valid?.success) {
      mapping = saved!.mapping as CsvMappingInput;
      remembered = true;
      read = await readImportFileOffThread(input.bytes, { ...options, mapping });
    }
  }
  return { read, mapping, remembered };
}

const LOOKUP_CHUNK = 5_000;

/** How many of the document's events are new, changed or already stored identically. */
async function compareWithStored(db: PrismaClient, userId: string, doc: HistoryDocument) {
  const rows = toEventRows(doc.events);
  const stored = new Map<string, string>();
  for (let i = 0; i < rows.length; i += LOOKUP_CHUNK) {
    const ids = rows.slice(i, i + LOOKUP_CHUNK).map((r) => r.eventId);
    const found = await db.event.findMany({ where: { userId, eventId: { in: ids } }, select: { eventId: true, hash: true } });
    for (const f of found) stored.set(f.eventId, f.hash);
  }
  let fresh = 0;
  let changed = 0;
  for (const r of rows) {
    const h = stored.get(r.eventId);
    if (h === undefined) fresh++;
    else if (h !== r.hash) changed++;
  }
  return { fresh, changed, known: rows.length - fresh - changed };
}

/** The preview of a parsed file, without the comparison with stored events. */
export function summarise(read: ParsedFile, lang: Lang): Omit<PreviewReady, "fresh" | "changed" | "known" | "mapping" | "mappingRemembered"> {
  const events = read.document?.events ?? [];
  const byType: Record<string, number> = {};
  let from: string | null = null;
  let to: string | null = null;
  for (const e of events) {
    byType[e.type] = (byType[e.type] ?? 0) + 1;
    const d = e.date.slice(0, 10);
    if (from === null || d < from) from = d;
    if (to === null || d > to) to = d;
  }
  return {
    kind: "preview",
    format: read.format,
    formatName: FORMAT_NAMES[read.format][lang],
    packaging: read.packaging,
    ok: read.document !== null,
    rowsTotal: read.rowsTotal,
    recognisedRows: read.recognisedRows,
    mergedRows: read.mergedRows,
    activityDays: read.activityDays,
    events: events.length,
    byType,
    skippedTotal: read.skipped.length,
    skippedByReason: countByReason(read.skipped),
    skippedSample: read.skipped.slice(0, PREVIEW_LIST_MAX),
    dateRange: from && to ? { from, to } : null,
    lenders: read.lenders,
    lenderLabels: read.lenders.map((l) => lenderName(l, lang)),
    problems: read.problems.slice(0, PREVIEW_LIST_MAX),
    problemCount: read.problems.length,
    unmappedTypeValues: read.unmappedTypeValues,
    ...(read.csv ? { csv: { headers: read.csv.headers, sampleRows: read.csv.sampleRows, columnValues: read.csv.columnValues } } : {}),
  };
}

/** What importing the file would do. Stores nothing. */
export async function previewImport(db: PrismaClient, input: ImportFileInput): Promise<ImportPreview> {
  const { read, mapping, remembered } = await resolve(db, input);
  if (read.kind === "refused") return { kind: "refused", message: read.message };
  if (read.kind === "needs-password") return { ...read, formatName: read.looksLike ? FORMAT_NAMES[read.looksLike][input.lang ?? "en"] : null };
  if (read.kind === "needs-mapping") return { kind: "needs-mapping", inspection: read.inspection, suggestion: read.suggestion };
  const cmp = read.document ? await compareWithStored(db, input.userId, read.document) : { fresh: 0, changed: 0, known: 0 };
  return { ...summarise(read, input.lang ?? "en"), ...cmp, ...(read.format === "csv" ? { mapping, mappingRemembered: remembered } : {}) };
}

export type ImportOutcome = ImportCounts & { format: FileFormat; events: number; lenders: string[] };

/**
 * Imports the file: every event, a plain CSV's mapping (remembered for its header) and the audit
 * row in one transaction, or nothing (AppError validation_failed with the problems).
 */
export async function commitImport(db: PrismaClient, input: ImportFileInput & { fileName?: string; ip?: string | null }): Promise<ImportOutcome> {
  const { read, mapping } = await resolve(db, input);
  if (read.kind === "refused") throw new AppError("validation_failed", read.message, { problems: [read.message] });
  if (read.kind === "needs-password") throw new AppError("bad_request", read.message);
  if (read.kind === "needs-mapping") throw new AppError("bad_request", input.lang === "zh" ? "请先设置每一列的含义，再导入。" : "Map the file's columns before importing it.");
  const document = read.document;
  if (!document) {
    const n = read.problems.length;
    throw new AppError("validation_failed", input.lang === "zh" ? `文件中有 ${n} 个问题，未导入任何内容。` : `The file has ${n} problem(s); nothing was imported.`, {
      problems: read.problems.slice(0, PREVIEW_LIST_MAX),
    });
  }
  const base = { format: read.format, events: document.events.length, lenders: read.lenders };
  // Validated before the transaction opens: a mapping that cannot be stored fails as a 422 here.
  const savedMapping = read.format === "csv" && mapping && read.csv ? { headerHash: read.csv.headerHash, mapping: parseMapping(mapping) } : null;
  // Events, the remembered mapping and the audit row commit together or not at all; only signals
  // this import makes active alert (lib/reminders/signal-watch.ts).
  const counts = await withSignalWatch(db, input.userId, () =>
    importHistory(db, {
      userId: input.userId,
      document,
      now: input.now,
      alsoInTransaction: async (tx, counts) => {
        if (savedMapping) {
          await tx.csvMapping.upsert({
            where: { userId_headerHash: { userId: input.userId, headerHash: savedMapping.headerHash } },
            create: { userId: input.userId, headerHash: savedMapping.headerHash, mapping: savedMapping.mapping },
            update: { mapping: savedMapping.mapping },
          });
        }
        await recordAudit(tx, { userId: input.userId, action: "import", ip: input.ip, detail: { ...counts, ...base, fileName: storableFileName(input.fileName) } });
      },
    }),
  );
  return { ...counts, ...base };
}

function parseMapping(mapping: CsvMappingInput) {
  const parsed = csvMapping.safeParse(mapping);
  if (!parsed.success) {
    throw new AppError("validation_failed", "The column mapping is invalid.", {
      problems: parsed.error.issues.map((i) => `${formatPath(i.path) || "mapping"}: ${i.message}`),
    });
  }
  return parsed.data;
}

/** A file name is only a label in the activity log: control characters and broken Unicode are dropped, not refused. */
export function storableFileName(name: string | undefined): string | null {
  if (!name) return null;
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  // By code point, so the cut never splits a surrogate pair.
  return Array.from(clean).slice(0, 200).join("") || null;
}
