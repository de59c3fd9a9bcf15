/**
 * The timeline's colours, light and dark. Plain data (no "use client"), so the server-rendered
 * chart and the client chart (chart-theme.ts) draw from the same values.
 */
export interface ChartPalette {
  limit: string;
  score: string;
  drop: string;
  dropTemporary: string;
  grid: string;
  axis: string;
  evidence: string;
  bands: Record<string, string>;
  overlays: Record<"borrow" | "repayment" | "inquiry" | "notice", string>;
  surface: string;
}

// Contrast checked against the card surfaces (white / slate-900): lines at least 3:1.
export const LIGHT_PALETTE: ChartPalette = {
  limit: "#0f766e",
  score: "#4338ca",
  drop: "#be123c",
  dropTemporary: "#b45309",
  grid: "#e2e8f0",
  axis: "#475569",
  evidence: "#be123c",
  bands: { poor: "#fecdd3", fair: "#fde68a", good: "#d9f99d", veryGood: "#bbf7d0", excellent: "#a7f3d0" },
  overlays: { borrow: "#0369a1", repayment: "#15803d", inquiry: "#a16207", notice: "#7e22ce" },
  surface: "#ffffff",
};

export const DARK_PALETTE: ChartPalette = {
  limit: "#2dd4bf",
  score: "#a5b4fc",
  drop: "#fb7185",
  dropTemporary: "#fbbf24",
  grid: "#1e293b",
  axis: "#94a3b8",
  evidence: "#fb7185",
  bands: { poor: "#4c0519", fair: "#451a03", good: "#1a2e05", veryGood: "#052e16", excellent: "#022c22" },
  overlays: { borrow: "#38bdf8", repayment: "#4ade80", inquiry: "#facc15", notice: "#c084fc" },
  surface: "#0f172a",
};

function vars(p: ChartPalette): string {
  const flat: Record<string, string> = {
    limit: p.limit,
    score: p.score,
    drop: p.drop,
    "drop-temporary": p.dropTemporary,
    grid: p.grid,
    axis: p.axis,
    surface: p.surface,
    ...Object.fromEntries(Object.entries(p.bands).map(([k, v]) => [`band-${k}`, v])),
    ...Object.fromEntries(Object.entries(p.overlays).map(([k, v]) => [`overlay-${k}`, v])),
  };
  return Object.entries(flat)
    .map(([k, v]) => `--tl-${k}:${v}`)
    .join(";");
}

/**
 * The palette as CSS custom properties (`--tl-limit`, `--tl-band-poor`, …) on `selector`, switched
 * by the same media query Tailwind's dark: variant uses: colours without JavaScript.
 */
export function paletteCss(selector: string): string {
  return `${selector}{${vars(LIGHT_PALETTE)}}@media (prefers-color-scheme: dark){${selector}{${vars(DARK_PALETTE)}}}`;
}
