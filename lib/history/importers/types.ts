/**
 * The shape every bill importer has (see importers.md for adding one): how to recognise the export
 * by content, how its rows become history-v1 events, and what to call it in both languages.
 */
import type { TextEncoding } from "../decode";
import type { ImportProblem, SkippedRow } from "../import-result";
import type { HistoryEvent } from "../schema";
import type { BillCollector } from "./collector";
import type { BillTable } from "./table";
import type { Bilingual, Lang } from "./text";

export type BillFormatId = "alipay" | "wechat" | "jd";

export type BillContext = {
  /** The history's product (borrower.product): decides which rows are the main line's own. */
  product: string;
  lang: Lang;
};

export type BillSummary = {
  /** Data rows after the header; = recognisedRows + mergedRows + skipped + rows with problems. */
  rowsTotal: number;
  /** Rows that became one event each (draws, repayments). */
  recognisedRows: number;
  /** Rows counted into one activity event per day. */
  mergedRows: number;
  activityDays: number;
  skipped: SkippedRow[];
  /** Other lenders found in the bill (each also gets an inferred `account` `opened` event). */
  lenders: string[];
  dateRange: { from: string; to: string } | null;
  encoding: TextEncoding | null;
  container: "csv" | "xlsx";
  headerLine: number | null;
};

export type BillResult = { ok: boolean; events: HistoryEvent[]; summary: BillSummary; problems: ImportProblem[] };

/** What a header row tells an importer: the line it is on and which column is which. */
export type FoundHeader<C extends string> = { line: number; index: Record<C, number> };

export type BillImporter<C extends string = string> = {
  id: BillFormatId;
  name: Bilingual;
  /** Where the borrower gets this export, for refusals ("export it in the app: …"). */
  howToExport: Bilingual;
  /** Where the password of this export's zip comes from. */
  passwordFrom: Bilingual;
  /** Zip entry names of this export (its zip is recognised before it is decrypted). */
  zipEntryName: RegExp;
  /** A header row of this export → its columns, or null. Cells are trimmed and unquoted. */
  matchHeader(cells: readonly string[]): Record<C, number> | null;
  /** True when the top of a file shows it is this export even though no header matched. */
  looksLike(sniff: string): boolean;
  /** A refusal for a file that is a relative of this export we cannot read (e.g. an old layout). */
  refuse?(table: BillTable, lang: Lang): string | null;
  /** The rows after the header → events, through the collector. */
  readRows(table: BillTable, header: FoundHeader<C>, collect: BillCollector, ctx: BillContext): void;
};
