/**
 * Traffic-light ratings of the Scoreboard-style indicators (DESIGN §4) and the
 * overall score built from them. Lower values are better for every rated
 * indicator. The UI must show a rating in words as well as colour
 * (`RATING_LABELS`).
 */

export type Rating = "green" | "yellow" | "red";

/** Overall score points: red −1, yellow 0, green +1. */
export const RATING_POINTS: Record<Rating, -1 | 0 | 1> = { green: 1, yellow: 0, red: -1 };

export const RATING_LABELS: Record<Rating, string> = { green: "Green (good)", yellow: "Yellow (average)", red: "Red (poor)" };

/** "Within ±10% of the average" is yellow. */
export const AVERAGE_BAND = 0.1;

// Shares such as 3/300 and products such as 0.9 × average are not exact in binary floating point: a boundary value must land on its boundary.
const EPSILON = 1e-9;

/** green when value ≤ target, red above it; null when there is no value. */
export function rateAgainstTarget(value: number | null, target: number): Rating | null {
  if (value === null) return null;
  return value <= target + EPSILON ? "green" : "red";
}

/**
 * Relative to the average of all states (lower is better):
 * green when value < average × (1 − band), red when value > average × (1 + band),
 * yellow in between, boundaries included. An average of 0 makes every 0 yellow
 * (it is the average) and anything above it red.
 */
export function rateAgainstAverage(value: number | null, average: number | null, band: number = AVERAGE_BAND): Rating | null {
  if (value === null || average === null) return null;
  const lower = average * (1 - band);
  const upper = average * (1 + band);
  if (value < lower - EPSILON) return "green";
  if (value > upper + EPSILON) return "red";
  return "yellow";
}

/** Change in the number of instruments not transposed: decrease green, no change yellow, increase red. */
export function rateChange(change: number | null): Rating | null {
  if (change === null) return null;
  if (change < 0) return "green";
  if (change > 0) return "red";
  return "yellow";
}

/** Unweighted mean of the values that are not null; null when there are none. */
export function averageOf(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

export type OverallBand = "above_average" | "average" | "below_average";

export const OVERALL_BAND_LABELS: Record<OverallBand, string> = { above_average: "Above average", average: "Average", below_average: "Below average" };

export interface OverallScore {
  /** Σ points of the rated indicators (red −1, yellow 0, green +1); null when none is rated. */
  score: number | null;
  /** score ≥ 2 above average, −1…1 average, ≤ −2 below average. */
  band: OverallBand | null;
  /** How many indicators had a rating; unrated ones add nothing. */
  ratedCount: number;
}

/** overall = Σ RATING_POINTS[rating] over the rated indicators; ≥ 2 above average, ≤ −2 below, else average. */
export function computeOverallScore(ratings: readonly (Rating | null)[]): OverallScore {
  const rated = ratings.filter((r): r is Rating => r !== null);
  if (rated.length === 0) return { score: null, band: null, ratedCount: 0 };
  const score = rated.reduce((sum, r) => sum + RATING_POINTS[r], 0);
  return { score, band: score >= 2 ? "above_average" : score <= -2 ? "below_average" : "average", ratedCount: rated.length };
}
