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
