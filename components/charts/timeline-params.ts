/**
 * The dashboard chart's state lives in the URL (?range=1y&show=borrow,inquiry), so range buttons
 * are links and overlay switches a GET form: both work before any JavaScript has run.
 */
import { OVERLAY_KINDS, RANGE_KEYS, type OverlayKind, type RangeKey, type TimelineData } from "@/lib/timeline/types";

export type SearchParams = Readonly<Record<string, string | readonly string[] | undefined>>;
export const DEFAULT_OVERLAYS: readonly OverlayKind[] = ["borrow", "inquiry"];

/** Starts on one year, or on everything when the latest drop is older: the story is on screen. */
export function initialRange(data: Pick<TimelineData, "drops" | "ranges">): RangeKey {
  const last = data.drops[data.drops.length - 1];
  return !last || last.d >= data.ranges["1y"].from ? "1y" : "all";
}

/**
 * The range and overlays a URL asks for. `show` may repeat (a form's checkboxes) or list kinds
 * with commas (links); present but empty means none, absent means the defaults.
 */
export function timelineParams(params: SearchParams, data: Pick<TimelineData, "drops" | "ranges">): { range: RangeKey; overlays: OverlayKind[] } {
  const one = (v: string | readonly string[] | undefined) => (typeof v === "string" ? v : v?.[0]);
  const rawRange = one(params.range);
  const range = (RANGE_KEYS as readonly string[]).includes(rawRange ?? "") ? (rawRange as RangeKey) : initialRange(data);
  const show = params.show;
  if (show === undefined) return { range, overlays: [...DEFAULT_OVERLAYS] };
  const asked = new Set((typeof show === "string" ? [show] : show).flatMap((s) => s.split(",")));
  return { range, overlays: OVERLAY_KINDS.filter((k) => asked.has(k)) };
}

/** The dashboard URL for a range and overlays (kinds in their fixed order). */
export function timelineHref(path: string, range: RangeKey, overlays: readonly OverlayKind[]): string {
  const show = OVERLAY_KINDS.filter((k) => overlays.includes(k)).join(",");
  return `${path}?range=${range}&show=${show}`;
}
