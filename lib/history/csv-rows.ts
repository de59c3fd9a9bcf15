/**
 * CSV rows with the line number each row starts on, on top of papaparse. Line numbers are what
 * users see in problems ("line 14: ..."), and a quoted cell may span lines, so they are counted
 * from papaparse's cursor rather than assumed to be row index + 1.
 */
import Papa from "papaparse";

export type CsvRow = { line: number; cells: string[] };
export type CsvRowError = { line: number; message: string };

export type ReadCsvOptions = {
  /** Fixed delimiter; omitted = guessed among , ; \t | (guessDelimiter) */
  delimiter?: string;
  /** Line number of the first character of `text` (when `text` is a slice of a file). */
  firstLine?: number;
  /** Stop after this many non-empty rows (for previews). */
  maxRows?: number;
};

export type CsvRows = { rows: CsvRow[]; errors: CsvRowError[]; delimiter: string };

const DETECT_DELIMITERS = [",", ";", "\t", "|"];

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Parses `text` into rows; blank lines are dropped. Never throws on malformed input. */
export function readCsvRows(text: string, options: ReadCsvOptions = {}): CsvRows {
  const rows: CsvRow[] = [];
  const { errors, delimiter } = eachCsvRow(text, (line, cells) => rows.push({ line, cells }), options);
  return { rows, errors, delimiter };
}

/**
 * Calls `onRow` for each non-blank row, in file order, without keeping the rows: a 100,000-row
 * import holds only what the caller keeps (its events), not a second copy of the table.
 */
export function eachCsvRow(
  text: string,
  onRow: (line: number, cells: string[]) => void,
  options: ReadCsvOptions = {},
): Omit<CsvRows, "rows"> {
  // Without any quote character CSV is just lines and delimiters. Splitting is several times
  // faster than papaparse's per-row callback on an Alipay bill, which never quotes its cells.
  if (!text.includes('"')) return splitPlain(text, onRow, options);
  return parseQuoted(text, onRow, options);
}

type OnRow = (line: number, cells: string[]) => void;

function splitPlain(text: string, onRow: OnRow, options: ReadCsvOptions): Omit<CsvRows, "rows"> {
  const delimiter = options.delimiter ?? guessDelimiter(text);
  const max = options.maxRows ?? Infinity;
  let count = 0;
  let start = 0;
  for (let line = options.firstLine ?? 1; start <= text.length && count < max; line++) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const raw = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    if (raw.trim() !== "") {
      count++;
      onRow(line, raw.split(delimiter));
    }
    start = end + 1;
  }
  return { errors: [], delimiter };
}

/**
 * The delimiter that splits the most of the first lines into the same number (> 1) of cells.
 * Papaparse's own guess gives up when preamble lines (a bank's "账户：…") differ in width.
 * Quote-naive on purpose: a guess only needs the table's typical line right.
 */
export function guessDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split("\n").filter((l) => l.trim()).slice(0, 50);
  let best = { delimiter: ",", score: 0 };
  for (const d of DETECT_DELIMITERS) {
    const widths = new Map<number, number>();
    for (const l of lines) {
      const w = l.split(d).length;
      if (w > 1) widths.set(w, (widths.get(w) ?? 0) + 1);
    }
    const score = Math.max(0, ...widths.values());
    if (score > best.score) best = { delimiter: d, score };
  }
  return best.delimiter;
}

function parseQuoted(text: string, onRow: OnRow, options: ReadCsvOptions): Omit<CsvRows, "rows"> {
  let count = 0;
  const errors: CsvRowError[] = [];
  let line = options.firstLine ?? 1;
  let prevCursor = 0;
  const delimiter = options.delimiter ?? guessDelimiter(text);
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (step, parser) => {
      const cursor = step.meta.cursor;
      const cells = step.data;
      const blank = cells.length === 0 || (cells.length === 1 && cells[0]!.trim() === "");
      if (!blank) {
        count++;
        onRow(line, cells);
      }
      for (const e of step.errors) errors.push({ line, message: csvErrorMessage(e) });
      line += countNewlines(text, prevCursor, cursor);
      prevCursor = cursor;
      if (options.maxRows !== undefined && count >= options.maxRows) parser.abort();
    },
  });
  return { errors, delimiter };
}

function csvErrorMessage(e: Papa.ParseError): string {
  if (e.code === "MissingQuotes") return "a quoted cell is never closed (missing closing \")";
  if (e.code === "InvalidQuotes") return "a quote inside a cell is not escaped (write \"\" for a literal quote)";
  return e.message;
}
