/**
 * The indicators the map can be coloured by, their values per state from the
 * dashboard's figures (lib/indicators/dashboard.ts), and the colour classes of
 * the legend. Colour is never the only carrier: each state's link names its
 * value, and the legend and the table beside the map give the numbers.
 */
import type { DashboardFigures } from "@/lib/indicators/dashboard";
import { OVERALL_BAND_LABELS } from "@/lib/indicators/ratings";

export const MAP_INDICATORS = ["deficit", "long_overdue", "total_delay", "conformity", "overall", "coverage", "infringements"] as const;
export type MapIndicator = (typeof MAP_INDICATORS)[number];
export const DEFAULT_MAP_INDICATOR: MapIndicator = "deficit";

export interface MapIndicatorInfo {
  label: string;
  /** How the value is computed, shown under the map. */
  formula: string;
  /** Whether a larger value is a better result (only the legend wording depends on it). */
  isHigherBetter: boolean;
  format: (value: number) => string;
}

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;
const months = (v: number) => `${v.toFixed(1)} months`;
const count = (v: number) => String(v);

export const MAP_INDICATOR_INFO: Record<MapIndicator, MapIndicatorInfo> = {
  deficit: {
    label: "Transposition deficit",
    formula: "Instruments in force whose deadline for the state has passed and whose complete transposition was not notified by the date, as a share of those whose notification is known.",
    isHigherBetter: false,
    format: percent,
  },
  long_overdue: {
    label: "Instruments two years or more overdue",
    formula: "Number of instruments in force not transposed two years or more after the state's deadline (target 0).",
    isHigherBetter: false,
    format: count,
  },
  total_delay: {
    label: "Total transposition delay",
    formula: "Sum of the months past the state's deadline over the instruments still not transposed on the date.",
    isHigherBetter: false,
    format: months,
  },
  conformity: {
    label: "Conformity deficit",
    formula: "Of the instruments notified as transposed, the share with a provision assessed non-conforming or under an open non-conformity proceeding.",
    isHigherBetter: false,
    format: percent,
  },
  overall: {
    label: "Overall Scoreboard-style score",
    formula: "Sum over the five rated indicators of +1 (green), 0 (yellow) or −1 (red).",
    isHigherBetter: true,
    format: (v) => (v > 0 ? `+${v}` : String(v)),
  },
  coverage: {
    label: "Provision coverage",
    formula: "Provisions requiring transposition, deadline passed, assessed full, as a share of those assessed (not-assessed provisions are left out), over all instruments including repealed ones.",
    isHigherBetter: true,
    format: percent,
  },
  infringements: {
    label: "Open infringement proceedings",
    formula: "Proceedings started by the date and not closed or withdrawn by it.",
    isHigherBetter: false,
    format: count,
  },
};

export interface StateValue {
  value: number | null;
  /** The value in words, or why there is none. */
  text: string;
}

/** The chosen indicator's value for every state that is a member on the date, by EU code. */
export function mapValues(indicator: MapIndicator, figures: DashboardFigures): Map<string, StateValue> {
  const info = MAP_INDICATOR_INFO[indicator];
  const result = new Map<string, StateValue>();
  const put = (code: string, value: number | null, none: string) => result.set(code, { value, text: value === null ? none : info.format(value) });
  for (const row of figures.scoreboard.rows) {
    switch (indicator) {
      case "deficit":
        put(row.stateCode, row.deficit.deficit, row.deficit.dueCount === 0 ? "no instrument due" : "no notification known");
        break;
      case "long_overdue":
        put(row.stateCode, row.deficit.assessedCount === 0 ? null : row.longOverdue.count, row.deficit.dueCount === 0 ? "no instrument due" : "no notification known");
        break;
      case "total_delay":
        put(row.stateCode, row.totalDelay.totalMonths, row.deficit.dueCount === 0 ? "no instrument due" : "no notification known");
        break;
      case "conformity":
        put(row.stateCode, row.conformity.share, "nothing notified as transposed");
        break;
      case "overall": {
        const v = row.overall.score;
        result.set(row.stateCode, { value: v, text: v === null || row.overall.band === null ? "not rated" : `${info.format(v)} (${OVERALL_BAND_LABELS[row.overall.band]})` });
        break;
      }
      default:
        break;
    }
  }
  if (indicator === "coverage") for (const c of figures.coverage) put(c.stateCode, c.coverage, "no provision assessed");
  if (indicator === "infringements") for (const f of figures.infringements) put(f.stateCode, f.openCount, "");
  return result;
}

export interface ColourClass {
  /** Inclusive bounds of the class. */
  min: number;
  max: number;
  colour: string;
  label: string;
}

/** A colour-blind-safe sequential ramp (light to dark; viridis-like blues and greens). */
export const RAMP = ["#fde7a9", "#a6dba0", "#5aae61", "#2c7fb8", "#253494"] as const;
export const NO_DATA_COLOUR = "#f0f0f0";
export const NOT_MEMBER_COLOUR = "#d5d5d5";

/**
 * Up to five classes of equal width from the smallest to the largest value,
 * darker for larger values; one class when all values are equal; none
 * without values. Integer indicators get integer bounds.
 */
export function colourClasses(indicator: MapIndicator, values: readonly (number | null)[]): ColourClass[] {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return [];
  const info = MAP_INDICATOR_INFO[indicator];
  const min = Math.min(...present);
  const max = Math.max(...present);
  const isInteger = present.every((v) => Number.isInteger(v));
  if (min === max) return [{ min, max, colour: RAMP[2], label: info.format(min) }];
  const n = isInteger ? Math.min(RAMP.length, max - min + 1) : RAMP.length;
  const width = (max - min) / n;
  const classes: ColourClass[] = [];
  for (let i = 0; i < n; i += 1) {
    let lo = min + i * width;
    let hi = i === n - 1 ? max : min + (i + 1) * width;
    if (isInteger) {
      lo = Math.ceil(lo - 1e-9);
      hi = i === n - 1 ? max : Math.ceil(min + (i + 1) * width - 1e-9) - 1;
      if (hi < lo) continue;
    }
    const colour = RAMP[Math.round((i * (RAMP.length - 1)) / Math.max(1, n - 1))]!;
    classes.push({ min: lo, max: hi, colour, label: lo === hi ? info.format(lo) : `${info.format(lo)} – ${info.format(hi)}` });
  }
  return classes;
}

/** The class a value falls in (the last class whose lower bound it reaches). */
export function classOf(value: number, classes: readonly ColourClass[]): ColourClass | null {
  let found: ColourClass | null = null;
  for (const c of classes) if (value >= c.min - 1e-9) found = c;
  return found;
}
