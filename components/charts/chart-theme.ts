"use client";

import { useSyncExternalStore } from "react";

/**
 * SVG presentation attributes cannot read Tailwind's dark: variant, so the chart picks its palette
 * from the same media query Tailwind uses (prefers-color-scheme) and re-renders when it changes.
 */
const QUERY = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}

export function useDarkMode(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}

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
const light: ChartPalette = {
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
const dark: ChartPalette = {
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

export function usePalette(): ChartPalette {
  return useDarkMode() ? dark : light;
}
