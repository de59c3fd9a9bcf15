/**
 * Offset paging of lists that are already in memory (a borrower's drops, a drop's evidence), so a
 * page's HTML stays bounded whatever the history holds (issue 14: ≤ 300 KB a page). Pure: the
 * pages parse their `?page=` with pageParam and draw the links with pageHref.
 */
export interface PageOf<T> {
  items: T[];
  /** 1-based, clamped to 1..pages. */
  page: number;
  /** At least 1, so "page 1 of 1" reads right for an empty list. */
  pages: number;
  total: number;
  /** 1-based positions of the first and last item shown (0 and 0 for an empty list). */
  from: number;
  to: number;
}

/** Page `page` of `items`, `size` a page; a page past the end shows the last one. */
export function pageOf<T>(items: readonly T[], page: number, size: number): PageOf<T> {
  if (!(Number.isInteger(size) && size > 0)) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const total = items.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(1, Number.isInteger(page) ? page : 1), pages);
  const start = (p - 1) * size;
  const shown = items.slice(start, start + size);
  return { items: shown, page: p, pages, total, from: shown.length ? start + 1 : 0, to: start + shown.length };
}

/** Pages past this are not a list anyone pages through: the number is refused, page 1 shown. */
const MAX_PAGE = 100_000;

/** `?page=` as a page number: a positive integer in plain digits, else 1. */
export function pageParam(value: string | readonly string[] | undefined): number {
  const v = typeof value === "string" ? value : value?.[0];
  if (!v || !/^[1-9]\d{0,5}$/.test(v)) return 1;
  const n = Number(v);
  return n <= MAX_PAGE ? n : 1;
}

export type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * `path` with the same query as `params` but `key` set to `page` (dropped for page 1, so the first
 * page has one URL), and `extra` set on top. Repeated parameters keep their order.
 */
export function pageHref(path: string, params: QueryParams, page: number, options: { key?: string; extra?: Record<string, string>; hash?: string } = {}): string {
  const key = options.key ?? "page";
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (k === key || (options.extra && k in options.extra)) continue;
    for (const x of typeof v === "string" ? [v] : (v ?? [])) q.append(k, x);
  }
  for (const [k, v] of Object.entries(options.extra ?? {})) q.set(k, v);
  if (page > 1) q.set(key, String(page));
  const s = q.toString();
  return `${path}${s ? `?${s}` : ""}${options.hash ? `#${options.hash}` : ""}`;
}
