/**
 * What every bill importer does with its rows, in one place: one event per draw or repayment
 * (dedupe by order number), one activity event per day, skipped rows with a reason, problems by
 * line, and an inferred `account` `opened` event for each other lender seen in the bill.
 */
import { checkEvent, dayRange, type ImportProblem, type SkippedRow } from "../import-result";
import type { HistoryEvent } from "../schema";
import type { BillFormatId, BillResult, BillSummary } from "./types";
import type { BillTable } from "./table";
import type { Lang } from "./text";

const TYPE_ORDER: Record<string, number> = { account: 0, activity: 1, borrow: 2, repayment: 3 };

function byDateTypeId(a: HistoryEvent, b: HistoryEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const t = (TYPE_ORDER[a.type] ?? 9) - (TYPE_ORDER[b.type] ?? 9);
  if (t) return t;
  return a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0;
}

/** A lender name as an id part: what it is, minus characters ids would rather not hold. */
function slug(lender: string): string {
  return lender.replace(/[\s/\\?#%]+/g, "-").slice(0, 60);
}

export type FlowEvent = { type: "borrow" | "repayment"; id: string; date: string; amount: number; lender?: string; note?: string };

export class BillCollector {
  readonly events: HistoryEvent[] = [];
  readonly problems: ImportProblem[] = [];
  readonly skipped: SkippedRow[] = [];
  rowsTotal = 0;
  recognisedRows = 0;
  mergedRows = 0;
  private readonly byId = new Map<string, { line: number; key: string }>();
  private readonly activity = new Map<string, number>();
  /** Lender → first day it appears on. */
  private readonly lenders = new Map<string, string>();

  constructor(
    readonly format: BillFormatId,
    readonly lang: Lang,
  ) {}

  get source(): string {
    return `import:${this.format}`;
  }

  /** "en" text or "zh" text, by the page's language. */
  say(en: string, zh: string): string {
    return this.lang === "zh" ? zh : en;
  }

  row(): void {
    this.rowsTotal++;
  }

  skip(line: number, reason: string): void {
    this.skipped.push({ line, reason });
  }

  problem(line: number | null, message: string): void {
    this.problems.push({ line, message });
  }

  /** One row folded into its day's activity event. */
  activityOn(day: string): void {
    this.activity.set(day, (this.activity.get(day) ?? 0) + 1);
    this.mergedRows++;
  }

  /**
   * A draw or a repayment. The order number is its id, so a re-import adds nothing; the same row
   * twice is skipped, the same number on a different row is a problem.
   */
  flow(line: number, e: FlowEvent, duplicateReason: string): void {
    const candidate = { ...e, source: this.source, ...(e.lender ? { lender: e.lender } : {}) };
    if (!e.lender) delete (candidate as { lender?: string }).lender;
    const key = JSON.stringify(candidate);
    const seen = this.byId.get(e.id);
    if (seen) {
      if (seen.key === key) this.skip(line, duplicateReason);
      else this.problem(line, this.say(`order number ${e.id} already used on line ${seen.line} for a different row`, `单号 ${e.id} 已在第 ${seen.line} 行用于另一笔交易`));
      return;
    }
    const event = checkEvent(candidate, line, this.problems);
    if (!event) return;
    this.byId.set(e.id, { line, key });
    this.events.push(event);
    this.recognisedRows++;
    if (e.lender) {
      const first = this.lenders.get(e.lender);
      if (first === undefined || e.date < first) this.lenders.set(e.lender, e.date);
    }
  }

  /** Events sorted, activity days and inferred accounts added, summary counted. */
  finish(table: BillTable, headerLine: number): BillResult {
    for (const [day, count] of this.activity) {
      const event = checkEvent({ id: `${this.format}-activity-${day}`, type: "activity", date: day, count, source: this.source }, null, this.problems);
      if (event) this.events.push(event);
    }
    for (const [lender, day] of this.lenders) {
      // Dated at its first row: the line was open by then at the latest (history-v1 `account`).
      const event = checkEvent(
        { id: `${this.format}-account-${slug(lender)}`, type: "account", date: day, lender, action: "opened", source: `${this.source}:inferred` },
        null,
        this.problems,
      );
      if (event) this.events.push(event);
    }
    this.events.sort(byDateTypeId);
    if (this.rowsTotal === 0 && this.problems.length === 0) {
      this.problem(headerLine, this.say("the bill has a header but no transaction rows", "账单只有表头，没有交易记录"));
    }
    this.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const summary: BillSummary = {
      rowsTotal: this.rowsTotal,
      recognisedRows: this.recognisedRows,
      mergedRows: this.mergedRows,
      activityDays: this.activity.size,
      skipped: this.skipped,
      lenders: [...this.lenders.keys()].sort(),
      dateRange: dayRange(this.events.map((e) => e.date)),
      encoding: table.encoding,
      container: table.container,
      headerLine,
    };
    return { ok: this.problems.length === 0, events: this.events, summary, problems: this.problems };
  }
}
