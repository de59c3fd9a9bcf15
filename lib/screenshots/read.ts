/**
 * From the OCR'd lines of one screenshot to what it says about a borrower's credit: which product
 * (借呗 Jiebei, 花呗 Huabei, 微粒贷 Weilidai, 京东金条 Jintiao, 芝麻分 Sesame), its total limit,
 * available amount or score, and the date. Pure: the engine and the image stay elsewhere.
 *
 * Invariants: a page that is none of these (余额宝, a chat, a photo) yields no observation and a
 * reason; a printed date wins over the image's own date; a status bar's clock is never a date;
 * a zero or withdrawn limit (暂无额度, 额度已关闭, 0.00) is an observation of 0.
 */
import { compact, findDates, parseAmount } from "./text";

export const SCREENSHOT_PRODUCTS = ["Jiebei", "Huabei", "Weilidai", "Jintiao", "Sesame"] as const;
export type ScreenshotProduct = (typeof SCREENSHOT_PRODUCTS)[number];
export const OBSERVATION_TYPES = ["limit", "available", "score"] as const;
export type ObservationType = (typeof OBSERVATION_TYPES)[number];

export type ReadLine = { text: string; confidence: number; box?: { x: number; y: number; width: number; height: number } };

export type ScreenshotObservation = {
  type: ObservationType;
  value: number;
  /** YYYY-MM-DD; absent when neither the page nor the image has a date. */
  date?: string;
  /** The lowest confidence of the lines the value was read from. */
  confidence: number;
  /** Indexes into `lines` of the label and the value. */
  from: number[];
};

export const DATE_SOURCES = ["printed", "exif", "file"] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

export const REFUSAL_CODES = ["no_text", "savings", "not_credit", "no_values"] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type ScreenshotReading = {
  product: ScreenshotProduct | null;
  observations: ScreenshotObservation[];
  lines: string[];
  /** Mean confidence of the lines, 0–1. */
  confidence: number;
  date?: string;
  dateSource?: DateSource;
  reason?: string;
  reasonCode?: RefusalCode;
};

/** The image's own dates, used only when the page prints none: EXIF first, then the file's. */
export type ImageDates = { exif?: string; file?: string };

const PRODUCT_WORDS: [ScreenshotProduct, RegExp][] = [
  ["Jintiao", /金条/],
  ["Weilidai", /微粒贷/],
  ["Jiebei", /借呗/],
  ["Huabei", /花呗/],
  ["Sesame", /芝麻(信用|分)/],
];

/** Pages people screenshot that hold no limit: named so the refusal can say what they are. */
const SAVINGS = /余额宝|零钱通|理财通|余利宝|小荷包|基金|收益/;

// Longest first: "最高可借" must not be read as "可借", "可借额度" not as "额度".
const LIMIT_LABELS = /总额度|当前额度|最高可借|信用额度|授信额度|固定额度|借款额度|额度上限/;
const AVAILABLE_LABELS = /可借额度|可用额度|剩余额度|剩余可借|可借金额|可用金额/;
const ZERO_LINES = /暂无额度|额度已关闭|额度已冻结|额度已失效|暂无可借额度|暂无可用额度|额度为0/;
const SCORE_LABELS = /芝麻分|信用分/;
/** Lines whose date is not the page's date (a due date, a promotion's end). */
const NOT_PAGE_DATE = /还款日|到期|应还|截止|有效期|活动/;
/** Labels whose number is not a limit, so a value is never taken across them. */
const OTHER_NUMBER_LABELS = /应还|利率|利息|收益|账单|已用|待还|分期|金额\(|还款/;

const SCORE_MIN = 350;
const SCORE_MAX = 950;
/** How many lines below a label its value may be (a big number under "可借额度(元)"). */
const LOOK_BELOW = 2;

export function readScreenshot(input: readonly ReadLine[], dates: ImageDates = {}): ScreenshotReading {
  const lines = input.filter((l) => l.text.trim() !== "");
  const texts = lines.map((l) => l.text);
  const confidence = lines.length ? round(lines.reduce((s, l) => s + l.confidence, 0) / lines.length) : 0;
  const base = { lines: texts, confidence };
  if (lines.length === 0) return refuse(base, null, "no_text", "No text was found on this image.");

  const all = compact(texts.join("\n"));
  const product = productOf(all);
  const compacted = texts.map(compact);
  const credit = compacted.some((t) => LIMIT_LABELS.test(t) || AVAILABLE_LABELS.test(t) || ZERO_LINES.test(t) || SCORE_LABELS.test(t));
  if (!product && SAVINGS.test(all)) {
    return refuse(base, null, "savings", "This is a savings or wealth page (such as 余额宝), not a credit limit or 芝麻分: nothing was read from it.");
  }
  if (!product && !credit) return refuse(base, null, "not_credit", "This image shows no credit limit or 芝麻分 page: nothing was read from it.");

  const { date, dateSource } = pageDate(texts, dates);
  const found = product === "Sesame" ? readScore(lines, compacted) : readLimits(lines, compacted);
  if (found.length === 0) {
    return refuse({ ...base, ...(date ? { date, dateSource } : {}) }, product, "no_values", "No limit, available amount or score could be read from this page.");
  }
  const observations = found.map((o) => ({ ...o, ...(date ? { date } : {}) }));
  return { product, observations, ...base, ...(date ? { date, dateSource } : {}) };
}

/** The product named first on the page (its title), not one a menu or banner mentions lower down. */
function productOf(all: string): ScreenshotProduct | null {
  let best: { product: ScreenshotProduct; at: number } | null = null;
  for (const [product, re] of PRODUCT_WORDS) {
    const m = re.exec(all);
    if (m && (!best || m.index < best.at)) best = { product, at: m.index };
  }
  return best?.product ?? null;
}

function refuse(base: Omit<ScreenshotReading, "product" | "observations">, product: ScreenshotProduct | null, code: RefusalCode, reason: string): ScreenshotReading {
  return { ...base, product, observations: [], reason, reasonCode: code };
}

/** A printed date (not a due date) wins; then EXIF; then the file's date. */
function pageDate(texts: readonly string[], dates: ImageDates): { date?: string; dateSource?: DateSource } {
  const printed: string[] = [];
  for (const t of texts) if (!NOT_PAGE_DATE.test(compact(t))) printed.push(...findDates(t));
  if (printed.length) return { date: printed[0], dateSource: "printed" };
  if (dates.exif) return { date: dates.exif, dateSource: "exif" };
  if (dates.file) return { date: dates.file, dateSource: "file" };
  return {};
}

type Found = Omit<ScreenshotObservation, "date">;

function readLimits(lines: readonly ReadLine[], compacted: readonly string[]): Found[] {
  const out: Found[] = [];
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const t = compacted[i]!;
    const zero = ZERO_LINES.test(t);
    const type: ObservationType | null = AVAILABLE_LABELS.test(t) ? "available" : LIMIT_LABELS.test(t) ? "limit" : null;
    if (zero) {
      if (!out.some((o) => o.type === "limit")) out.push({ type: "limit", value: 0, confidence: lines[i]!.confidence, from: [i] });
      continue;
    }
    if (!type || out.some((o) => o.type === type)) continue;
    const at = valueFor(i, lines, compacted, used);
    if (!at) {
      // "可借额度(元)" above "暂无额度": the withdrawn line is read on its own turn.
      continue;
    }
    used.add(at.index);
    out.push({ type, value: at.value, confidence: Math.min(lines[i]!.confidence, lines[at.index]!.confidence), from: at.index === i ? [i] : [i, at.index] });
  }
  return out;
}

/** The amount after the label on its own line, else on one of the next lines (not another label's). */
function valueFor(i: number, lines: readonly ReadLine[], compacted: readonly string[], used: ReadonlySet<number>): { index: number; value: number } | null {
  const label = (LIMIT_LABELS.exec(compacted[i]!) ?? AVAILABLE_LABELS.exec(compacted[i]!))!;
  const after = compacted[i]!.slice(label.index + label[0].length);
  const own = parseAmount(after);
  if (own !== null) return { index: i, value: own };
  for (let j = i + 1; j <= Math.min(lines.length - 1, i + LOOK_BELOW); j++) {
    const t = compacted[j]!;
    if (LIMIT_LABELS.test(t) || AVAILABLE_LABELS.test(t) || OTHER_NUMBER_LABELS.test(t) || ZERO_LINES.test(t)) return null;
    if (used.has(j)) continue;
    const v = parseAmount(t);
    if (v !== null) return { index: j, value: v };
  }
  return null;
}

function readScore(lines: readonly ReadLine[], compacted: readonly string[]): Found[] {
  const labelAt = compacted.findIndex((t) => SCORE_LABELS.test(t));
  // The score is the label's own number, else the first whole 350–950 number after it (or anywhere).
  const order = labelAt >= 0 ? [labelAt, ...range(labelAt + 1, Math.min(lines.length, labelAt + 1 + LOOK_BELOW + 1))] : range(0, lines.length);
  for (const j of order) {
    const t = j === labelAt ? compacted[j]!.replace(SCORE_LABELS, " ") : compacted[j]!;
    const m = /(?<![\d.,:])(\d{3})(?![\d.,:%])/.exec(t.replace(/20\d{2}[年.\-/]\d{1,2}[月.\-/]\d{1,2}日?/g, " "));
    if (!m) continue;
    const v = Number(m[1]);
    if (v < SCORE_MIN || v > SCORE_MAX) continue;
    const from = labelAt >= 0 && j !== labelAt ? [labelAt, j] : [j];
    return [{ type: "score", value: v, confidence: Math.min(...from.map((k) => lines[k]!.confidence)), from }];
  }
  return [];
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
