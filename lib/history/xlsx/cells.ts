/**
 * A cell's value as the text a CSV export of the same sheet would hold: shared and inline strings
 * as written, numbers as JavaScript prints them, booleans as true/false, errors as nothing, and a
 * number in a date format as the wall-clock time it shows (`2025-01-03 09:08:07`).
 */

/** Built-in number formats that show a date or a time (ECMA-376 §18.8.30, East Asian ids included). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export const NO_DATE_STYLES: readonly boolean[] = [];

/**
 * Whether a number format shows a date: a built-in date id, or a format code with a date or time
 * part once its literal text ("…", \x), colours and locales ([…]) are set aside.
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILTIN_DATE_IDS.has(id);
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ""));
}

const pad = (n: number) => String(n).padStart(2, "0");

function utcText(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A date serial (days since 1899-12-30, or since 1904-01-01) as the wall-clock time it shows. */
export function serialText(serial: number, date1904: boolean): string {
  return utcText(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** A `t="d"` cell (ISO 8601 text) in the same shape as a date serial's. */
function isoText(v: string): string {
  const m = ISO.exec(v.trim());
  if (!m) return v;
  const [, y, mo, d, h = "00", mi = "00", s = "00"] = m;
  return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
}

/** The cell types of SpreadsheetML (`<c t="…">`); absent means a number. */
export type CellType = "s" | "inlineStr" | "str" | "b" | "e" | "d" | "n";

export type CellContext = { sharedStrings: readonly string[]; dateStyles: readonly boolean[]; date1904: boolean };

/**
 * The text of one cell from its type, style index, `<v>` text and inline text (`<is>`); null when
 * the cell holds no value (a styled empty cell).
 */
export function cellText(type: string | undefined, style: number, v: string | null, inline: string | null, ctx: CellContext): string | null {
  switch (type) {
    case "s":
      return v === null ? null : (ctx.sharedStrings[parseInt(v, 10)] ?? "");
    case "inlineStr":
      return inline ?? v;
    case "str":
      return v;
    case "b":
      return v === null ? null : String(parseInt(v, 10) !== 0);
    case "e":
      return v === null ? null : "";
    case "d":
      return v === null ? null : isoText(v);
    default: {
      if (v === null || v.trim() === "") return inline;
      const n = Number(v);
      if (!Number.isFinite(n)) return v;
      return ctx.dateStyles[style] ? serialText(n, ctx.date1904) : String(n);
    }
  }
}
