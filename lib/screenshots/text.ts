/**
 * Number and date reading for OCR'd text of phone screenshots. Pure. OCR turns `30,000.00` into
 * `30.000.00`, writes full-width `，：．`, drops or inserts spaces, and pages write `3.5万`:
 * every rule below comes from such a reading.
 */

/** Full-width digits and punctuation to ASCII, ¥ variants to one. */
export function normalise(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000]/g, " ")
    .replace(/[。]/g, ".")
    .replace(/[¥￥]/g, "¥");
}

const CLOCK = /(?<![\d.])\d{1,2}:\d{2}(?::\d{2})?(?![\d.])/g;
const PERCENT = /\d[\d.,]*\s*%/g;

/**
 * The amount in a piece of text, in yuan, or null. Dates, clocks and percentages are never
 * amounts. Separators: the last `.` or `,` followed by one or two digits at the end of the number is
 * the decimal point; every other `.`/`,` before a group of three digits is a thousands separator.
 * `万` multiplies by 10,000. Spaces between digit groups are dropped (`30 000.00`, `3 0000`).
 */
export function parseAmount(raw: string): number | null {
  const text = stripDates(normalise(raw)).replace(CLOCK, " ").replace(PERCENT, " ");
  const m = /(\d(?:[\d.,]|\s(?=\d))*)\s*(万)?/.exec(text);
  if (!m) return null;
  return amountOf(m[1]!.replace(/\s+/g, ""), m[2] === "万");
}

function amountOf(digits: string, wan: boolean): number | null {
  const s = digits.replace(/[.,]+$/, "");
  const parts = s.split(/[.,]/);
  let intPart: string;
  let decimals = "";
  const last = parts.at(-1)!;
  if (parts.length > 1 && (last.length <= 2 || (wan && last.length <= 4))) {
    decimals = last;
    intPart = parts.slice(0, -1).join("");
    if (parts.slice(1, -1).some((g) => g.length !== 3)) return null;
  } else {
    if (parts.slice(1).some((g) => g.length !== 3)) return null;
    intPart = parts.join("");
  }
  if (!/^\d+$/.test(intPart) || intPart.length > 12) return null;
  const value = Number(`${intPart}.${decimals || "0"}`) * (wan ? 10_000 : 1);
  return Math.round(value * 100) / 100;
}

/** `2026年09月03日`, `2026年9月3日`, `2026.10.18`, `2026-11-28`, `2026/11/28` (any spaces). */
const DATE = /(20\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?/g;

function stripDates(text: string): string {
  return text.replace(DATE, " ");
}

/** The real calendar dates printed in a text, as YYYY-MM-DD, in order. */
export function findDates(raw: string): string[] {
  const out: string[] = [];
  for (const m of normalise(raw).matchAll(DATE)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = new Date(Date.UTC(y, mo - 1, d));
    if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) continue;
    out.push(`${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  }
  return out;
}

/** The text without spaces, full-width forms folded: what labels are matched against. */
export function compact(text: string): string {
  return normalise(text).replace(/\s+/g, "");
}
