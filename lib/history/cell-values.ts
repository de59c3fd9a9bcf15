/**
 * Parsing of single cell values shared by the CSV importers. Each returns null for anything it
 * does not fully understand: an importer must never guess a number or a date out of garbage.
 */
import { calendarDay } from "./schema";

const STRICT_AMOUNT = /^\d{1,12}(?:\.\d{1,2})?$/;

/** `5000.00` → 5000. Plain digits with at most two decimals; no signs, separators or symbols. */
export function parseStrictAmount(raw: string): number | null {
  return STRICT_AMOUNT.test(raw) ? Number(raw) : null;
}

export type LooseAmountOptions = { decimalSeparator?: "." | "," };

/**
 * Amounts as bank and spreadsheet exports write them: `1,234.50`, `¥1,234.50`, `1 234,50 €`
 * (with decimalSeparator ","), `-500`, `500元`. Returns a signed number, or null if the text is
 * not exactly one number. Grouping separators must come in groups of three so `1,5` is not
 * silently read as 15.
 */
export function parseLooseAmount(raw: string, options: LooseAmountOptions = {}): number | null {
  const dec = options.decimalSeparator ?? ".";
  const group = dec === "." ? "," : ".";
  let s = raw.trim().replace(/^[¥￥$€£]|(?:元|CNY|RMB|USD|EUR|[¥￥$€£])$/gi, "").trim();
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    // Accounting notation for negatives: (500.00)
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith("-") || s.startsWith("+")) {
    if (s.startsWith("-")) sign = -sign;
    s = s.slice(1).trim();
  }
  s = s.replace(/[\s\u00a0\u202f]/g, "");
  const esc = group === "." ? "\\." : ",";
  const decEsc = dec === "." ? "\\." : ",";
  const re = new RegExp(`^(?:\\d{1,3}(?:${esc}\\d{3})+|\\d+)(?:${decEsc}\\d+)?$`);
  if (!re.test(s)) return null;
  const normal = s.split(group).join("").replace(dec, ".");
  const value = Number(normal);
  return Number.isFinite(value) ? sign * value : null;
}

const DATE_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:日)?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const CN_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A local date or date-time without offset (`2025-01-05 09:12:01`, `2025/1/5 9:12`, `2025年1月5日`)
 * → its calendar day. The time is ignored: a time without offset is local time where the file was
 * made (Asia/Shanghai for Alipay), and the local calendar day is what history-v1 stores.
 * Dates with an explicit offset (ISO 8601) are converted to their Asia/Shanghai day.
 */
export function localDay(raw: string): string | null {
  const s = raw.trim();
  const m = DATE_TIME.exec(s) ?? CN_DATE.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec] = m;
    if (h !== undefined && (+h > 23 || +mi! > 59 || (sec !== undefined && +sec > 59))) return null;
    return realDay(y!, mo!, d!);
  }
  return calendarDay(s);
}

// A bill of 100,000 rows names a few thousand days: checking each once (a Date per check) took
// more time than the rest of the row.
const checkedDays = new Map<string, string | null>();

function realDay(y: string, mo: string, d: string): string | null {
  const key = `${y}-${mo.length === 1 ? "0" + mo : mo}-${d.length === 1 ? "0" + d : d}`;
  let day = checkedDays.get(key);
  if (day === undefined) {
    if (checkedDays.size >= 100_000) checkedDays.clear();
    day = calendarDay(key);
    checkedDays.set(key, day);
  }
  return day;
}
