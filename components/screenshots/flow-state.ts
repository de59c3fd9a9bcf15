/**
 * The screenshot preview's state: each chosen file from waiting to read (or refused), the
 * borrower's edits, and what a confirm would save. Pure (a reducer and selectors), so the rules
 * of what is saved are tested without a browser.
 */
import type { ObservationType, ScreenshotProduct, ScreenshotReading } from "@/lib/screenshots/read";
import type { SavedObservation } from "@/lib/screenshots/validation";

export const STATUSES = ["waiting", "uploading", "reading", "read", "refused", "failed"] as const;
export type Status = (typeof STATUSES)[number];
/** Why a file was refused before it was sent (the browser knows these from the bytes). */
export const LOCAL_REFUSALS = ["heic", "type", "size"] as const;
export type LocalRefusal = (typeof LOCAL_REFUSALS)[number];

export type Draft = { key: string; type: ObservationType; value: string; date: string; confidence: number };

export type Item = {
  key: string;
  name: string;
  size: number;
  lastModified: number;
  /** An object URL of the file, for the thumbnail; revoked when the item goes. */
  thumbnail?: string;
  status: Status;
  progress: number;
  product: ScreenshotProduct | null;
  drafts: Draft[];
  lines: string[];
  lineConfidences: number[];
  confidence: number;
  dateSource?: ScreenshotReading["dateSource"];
  reasonCode?: ScreenshotReading["reasonCode"];
  localRefusal?: LocalRefusal;
  error?: string;
};

export type State = { items: Item[] };

export type Reading = ScreenshotReading & { lineConfidences: number[] };

export type Action =
  | { type: "add"; items: Pick<Item, "key" | "name" | "size" | "lastModified" | "localRefusal" | "thumbnail">[] }
  | { type: "progress"; key: string; fraction: number }
  | { type: "uploaded"; key: string }
  | { type: "read"; key: string; reading: Reading }
  | { type: "failed"; key: string; message: string }
  | { type: "product"; key: string; product: ScreenshotProduct | null }
  | { type: "edit"; key: string; draft: string; patch: Partial<Omit<Draft, "key">> }
  | { type: "remove"; key: string }
  | { type: "clear" };

export const initialState: State = { items: [] };

export function reducer(state: State, action: Action): State {
  const update = (key: string, f: (i: Item) => Item): State => ({ items: state.items.map((i) => (i.key === key ? f(i) : i)) });
  switch (action.type) {
    case "add":
      return {
        items: [
          ...state.items,
          ...action.items.map(
            (i): Item => ({ ...i, status: i.localRefusal ? "refused" : "waiting", progress: 0, product: null, drafts: [], lines: [], lineConfidences: [], confidence: 0 }),
          ),
        ],
      };
    case "progress":
      return update(action.key, (i) => ({ ...i, status: "uploading", progress: Math.min(1, Math.max(0, action.fraction)) }));
    case "uploaded":
      return update(action.key, (i) => ({ ...i, status: "reading", progress: 1 }));
    case "read": {
      const r = action.reading;
      return update(action.key, (i) => ({
        ...i,
        status: r.reason ? "refused" : "read",
        progress: 1,
        product: r.product,
        drafts: r.observations.map((o, n) => ({ key: `${i.key}:${n}`, type: o.type, value: String(o.value), date: o.date ?? "", confidence: o.confidence })),
        lines: r.lines,
        lineConfidences: r.lineConfidences,
        confidence: r.confidence,
        dateSource: r.dateSource,
        reasonCode: r.reasonCode,
      }));
    }
    case "failed":
      return update(action.key, (i) => ({ ...i, status: "failed", error: action.message }));
    case "product":
      return update(action.key, (i) => ({ ...i, product: action.product }));
    case "edit":
      return update(action.key, (i) => ({ ...i, drafts: i.drafts.map((d) => (d.key === action.draft ? { ...d, ...action.patch } : d)) }));
    case "remove":
      return { items: state.items.filter((i) => i.key !== action.key) };
    case "clear":
      return initialState;
  }
}

export type ScoreScale = { min: number; max: number };

/** Why a draft is not saved: null when it is. Mirrors lib/screenshots/to-events.ts and the schema. */
export const VERDICTS = ["available", "otherProduct", "noProduct", "badValue", "badScore", "noDate", "futureDate"] as const;
export type DraftVerdict = null | (typeof VERDICTS)[number];

export function verdict(item: Item, d: Draft, ctx: { historyProduct: string; scale: ScoreScale; today: string }): DraftVerdict {
  if (d.type === "available") return "available";
  if (d.type === "limit" && !item.product) return "noProduct";
  if (d.type === "limit" && item.product !== ctx.historyProduct) return "otherProduct";
  const v = parseValue(d.value);
  if (v === null) return "badValue";
  if (d.type === "score" && (!Number.isInteger(v) || v < ctx.scale.min || v > ctx.scale.max)) return "badScore";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) return "noDate";
  if (d.date > ctx.today) return "futureDate";
  return null;
}

/** A typed amount: commas, spaces and ¥ allowed; at most two decimals; below a trillion. */
export function parseValue(text: string): number | null {
  const s = text.replace(/[\s,，¥￥]/g, "");
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(s)) return null;
  return Number(s);
}

/** What a confirm sends: every draft that passes, and how many screenshots were read. */
export function toSave(state: State, ctx: { historyProduct: string; scale: ScoreScale; today: string }): { screenshots: number; observations: SavedObservation[] } {
  const observations: SavedObservation[] = [];
  for (const item of state.items) {
    if (item.status !== "read") continue;
    for (const d of item.drafts) {
      if (verdict(item, d, ctx) !== null) continue;
      const value = parseValue(d.value)!;
      const product = d.type === "score" ? (item.product ?? "Sesame") : item.product!;
      observations.push({ type: d.type as "limit" | "score", product, value, date: d.date });
    }
  }
  return { screenshots: state.items.filter((i) => i.status === "read" || (i.status === "refused" && !i.localRefusal)).length, observations };
}

export function busy(state: State): boolean {
  return state.items.some((i) => i.status === "waiting" || i.status === "uploading" || i.status === "reading");
}
