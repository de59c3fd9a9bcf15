/** Calendar days as integers, so windows are subtraction and binary search, not Date objects. */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD string (assumed valid: the schema checked it). */
export function dayNumber(day: string): number {
  return Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / DAY_MS;
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
