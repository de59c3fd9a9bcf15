/** Small helpers the bill importers share for reading their columns and cells. */
import { parseStrictAmount } from "../cell-values";

/** Header names → their index in a header row, or null when a required one is missing. */
export function indexColumns<C extends string>(cells: readonly string[], names: Record<C, string>, required: readonly C[]): Record<C, number> | null {
  const norm = cells.map((c) => c.normalize("NFKC").replace(/\s+/g, ""));
  const index = {} as Record<C, number>;
  for (const key of Object.keys(names) as C[]) index[key] = norm.indexOf(names[key].normalize("NFKC"));
  return required.every((k) => index[k] !== -1) ? index : null;
}

/** A cell of a row, trimmed (order numbers end with a tab in these exports). */
export function cellOf(cells: readonly string[], i: number): string {
  return i < 0 ? "" : (cells[i] ?? "").trim();
}

/** `¥28.16`, `28.16`, `1,234.50` → the amount; null for anything else (negative included). */
export function billAmount(raw: string): number | null {
  const s = raw.trim().replace(/^[¥￥]\s*/, "");
  // Grouping commas only in groups of three (1,234.50), so 1,5 is never read as 15.
  if (!/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(s)) return null;
  return parseStrictAmount(s.replace(/,/g, ""));
}

/** An order number a spreadsheet turned into a rounded number (`4.2000012E+27`). */
export function isRoundedNumber(id: string): boolean {
  return /^\d+(\.\d+)?e\+?\d+$/i.test(id);
}
