"use client";

import { useSyncExternalStore } from "react";
import { DARK_PALETTE, LIGHT_PALETTE, type ChartPalette } from "./chart-palette";

export type { ChartPalette };

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

export function usePalette(): ChartPalette {
  return useDarkMode() ? DARK_PALETTE : LIGHT_PALETTE;
}
