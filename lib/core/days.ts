/** Calendar days as integers, so windows are subtraction and binary search, not Date objects. */
const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a YYYY-MM-DD string (assumed valid: the schema checked it). Pure integer
 * arithmetic (Hinnant's days_from_civil) without a Date: it runs once per event on every explain.
 */
export function dayNumber(day: string): number {
  let y = digits2(day, 0) * 100 + digits2(day, 2);
  const m = digits2(day, 5);
  const d = digits2(day, 8);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// Top-level, not a closure: dayNumber runs once per event and must not allocate.
function digits2(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);
}

export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** First index i with arr[i] >= x (arr sorted ascending). */
export function lowerBound(arr: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index i with arr[i] > x (arr sorted ascending). */
export function upperBound(arr: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index range [from, to) of the days in (after, upTo]. */
export function rangeIn(arr: ArrayLike<number>, after: number, upTo: number): [number, number] {
  return [upperBound(arr, after), upperBound(arr, upTo)];
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
