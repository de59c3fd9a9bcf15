/**
 * Score bands shaded behind the score line. Sesame Credit publishes its five bands on 350–950;
 * FICO's are the well-known 300–850 ones; any other scale gets Sesame's cut points stretched
 * proportionally, which keeps the shading honest about where a score sits within its own scale.
 */
import type { ScoreBand } from "./types";

const SESAME = { min: 350, max: 950, cuts: [550, 600, 650, 700] };
const FICO = { min: 300, max: 850, cuts: [580, 670, 740, 800] };
const KEYS = ["poor", "fair", "good", "veryGood", "excellent"] as const;

function toBands(min: number, max: number, cuts: number[]): ScoreBand[] {
  const edges = [min, ...cuts, max];
  return KEYS.map((key, i) => ({ key, from: edges[i]!, to: edges[i + 1]! }));
}

export function scoreBands(scale: { min: number; max: number }): ScoreBand[] {
  if (scale.min === SESAME.min && scale.max === SESAME.max) return toBands(scale.min, scale.max, SESAME.cuts);
  if (scale.min === FICO.min && scale.max === FICO.max) return toBands(scale.min, scale.max, FICO.cuts);
  const k = (scale.max - scale.min) / (SESAME.max - SESAME.min);
  const cuts = SESAME.cuts.map((c) => Math.round(scale.min + (c - SESAME.min) * k));
  return toBands(scale.min, scale.max, cuts);
}
