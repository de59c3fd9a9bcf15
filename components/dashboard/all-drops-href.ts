import type { SearchParams } from "@/components/charts/timeline-params";

/** The dashboard with every drop card (?drops=all), keeping the chart's range and overlays. */
export function allDropsHref(params: SearchParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (k === "drops" || k === "page") continue;
    for (const x of typeof v === "string" ? [v] : (v ?? [])) q.append(k, x);
  }
  q.set("drops", "all");
  return `/dashboard?${q.toString()}#drops-title`;
}
