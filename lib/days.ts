/**
 * Calendar days (YYYY-MM-DD) and the one time zone of the history format, for every module that
 * turns a day into a Date or back. Asia/Shanghai has kept UTC+8 with no daylight saving since
 * 1991, so a fixed offset is exact. Pure: safe in the client, the core, scripts and tests.
 * (The rule core's integer day arithmetic, dayNumber/dayString, stays in lib/core/days.ts.)
 */

export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

/** The Asia/Shanghai calendar day of an instant. */
export function shanghaiDay(instant: Date | number): string {
  return new Date(+instant + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's calendar day in Asia/Shanghai (the history format's zone). */
export function todayInShanghai(now: Date = new Date()): string {
  return shanghaiDay(now);
}

/** A calendar day as UTC midnight: how a `@db.Date` column stores it, and how formatters keep the day (in UTC). */
export function dayToDate(day: string): Date {
  return new Date(`${day.slice(0, 10)}T00:00:00Z`);
}

/** The calendar day of a UTC-midnight Date (a `@db.Date` value). */
export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day `n` days after (or, negative, before) `day`. */
export function addDays(day: string, n: number): string {
  return dateToDay(new Date(dayToDate(day).getTime() + n * DAY_MS));
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function isRealDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The calendar day (YYYY-MM-DD) an event date stands for: a plain date as is, a date-time with
 * offset as its calendar date in Asia/Shanghai. Returns null for anything that is not a real date.
 */
export function calendarDay(value: string): string | null {
  const day = DAY_RE.exec(value);
  if (day) {
    const [, y, m, d] = day;
    return isRealDay(+y!, +m!, +d!) ? value : null;
  }
  const dt = DATETIME_RE.exec(value);
  if (!dt) return null;
  const [, y, mo, d, h, mi, s] = dt;
  if (!isRealDay(+y!, +mo!, +d!) || +h! > 23 || +mi! > 59 || (s !== undefined && +s > 59)) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  return shanghaiDay(ms);
}
