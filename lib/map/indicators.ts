/**
 * The indicators the map can be coloured by, their values per state from the
 * dashboard's figures (lib/indicators/dashboard.ts), and the colour classes of
 * the legend. Names, definitions, directions, targets and formats are the
 * indicators' own (lib/indicators/catalogue.ts). Colour is never the only
 * carrier: each state's link names its value, and the legend and the table
 * beside the map give the numbers.
 */
import { INDICATORS, isHigherBetter, targetOf, type IndicatorId } from "@/lib/indicators/catalogue";
import type { DashboardFigures } from "@/lib/indicators/dashboard";
import { OVERALL_BAND_LABELS, type OverallBand } from "@/lib/indicators/ratings";

/** The catalogue's indicators the map can be coloured by, in the picker's order (the Scoreboard's change is not one). */
export const MAP_INDICATORS = [
  "deficit",
  "long_overdue",
  "total_delay",
  "conformity",
  "overall",
  "coverage",
  "infringements",
] as const satisfies readonly IndicatorId[];
export type MapIndicator = (typeof MAP_INDICATORS)[number];
export const DEFAULT_MAP_INDICATOR: MapIndicator = "deficit";

export interface StateValue {
  value: number | null;
  /** The value in words, or why there is none. */
  text: string;
}

/** Why a state has no value on the map. */
export type NoValueReason = "no_instrument_due" | "no_notification_known" | "nothing_notified" | "not_rated" | "no_provision_assessed";

/** The words a map's values and legend are written in: English by default, the interface's language when given (app/i18n). */
export interface MapWords {
  format: (indicator: MapIndicator, value: number) => string;
  noValue: (reason: NoValueReason) => string;
  band: (band: OverallBand) => string;
  /** The words for meeting the indicator's target. */
  targetMet: (indicator: MapIndicator) => string;
}

export const ENGLISH_MAP_WORDS: MapWords = {
  format: (indicator, value) => INDICATORS[indicator].format(value),
  noValue: (reason) =>
    ({
      no_instrument_due: "no instrument due",
      no_notification_known: "no notification known",
      nothing_notified: "nothing notified as transposed",
      not_rated: "not rated",
      no_provision_assessed: "no provision assessed",
    })[reason],
  band: (band) => OVERALL_BAND_LABELS[band],
  targetMet: (indicator) => targetOf(INDICATORS[indicator])?.label ?? "",
};

/** The chosen indicator's value for every state that is a member on the date, by EU code. */
export function mapValues(indicator: MapIndicator, figures: DashboardFigures, words: MapWords = ENGLISH_MAP_WORDS): Map<string, StateValue> {
  const result = new Map<string, StateValue>();
  const format = (v: number) => words.format(indicator, v);
  const put = (code: string, value: number | null, none: NoValueReason | null) =>
    result.set(code, { value, text: value === null ? (none ? words.noValue(none) : "") : format(value) });
  const dueOrKnown = (dueCount: number): NoValueReason => (dueCount === 0 ? "no_instrument_due" : "no_notification_known");
  for (const row of figures.scoreboard.rows) {
    switch (indicator) {
      case "deficit":
        put(row.stateCode, row.deficit.deficit, dueOrKnown(row.deficit.dueCount));
        break;
      case "long_overdue":
        put(row.stateCode, row.deficit.assessedCount === 0 ? null : row.longOverdue.count, dueOrKnown(row.deficit.dueCount));
        break;
      case "total_delay":
        put(row.stateCode, row.totalDelay.totalMonths, dueOrKnown(row.deficit.dueCount));
        break;
      case "conformity":
        put(row.stateCode, row.conformity.share, "nothing_notified");
        break;
      case "overall": {
        const v = row.overall.score;
        result.set(row.stateCode, {
          value: v,
          text: v === null || row.overall.band === null ? words.noValue("not_rated") : `${format(v)} (${words.band(row.overall.band)})`,
        });
        break;
      }
      default:
        break;
    }
  }
  if (indicator === "coverage") for (const c of figures.coverage) put(c.stateCode, c.coverage, "no_provision_assessed");
  if (indicator === "infringements") for (const f of figures.infringements) put(f.stateCode, f.openCount, null);
  return result;
}

export interface ColourClass {
  /** Inclusive bounds of the class. */
  min: number;
  max: number;
  colour: string;
  label: string;
}

/**
 * A colour-blind-safe sequential ramp from better to worse (ColorBrewer
 * YlOrRd): the lightest is the best result, the darkest red the worst, for
 * every indicator, whichever way its numbers run.
 */
export const RAMP = ["#ffffcc", "#fed976", "#fd8d3c", "#e31a1c", "#800026"] as const;
export const NO_DATA_COLOUR = "#f0f0f0";
export const NOT_MEMBER_COLOUR = "#d5d5d5";

/**
 * Up to five classes from the smallest to the largest value, coloured from
 * better to worse by the indicator's meaning. Where the indicator has a target,
 * the values meeting it form the first (lightest) class and the rest is split
 * in equal widths; otherwise the whole range is. One class when all values
 * agree; none without values. Integer indicators get integer bounds.
 */
export function colourClasses(indicator: MapIndicator, values: readonly (number | null)[], words: MapWords = ENGLISH_MAP_WORDS): ColourClass[] {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return [];
  const info = INDICATORS[indicator];
  const higherIsBetter = isHigherBetter(info);
  const min = Math.min(...present);
  const max = Math.max(...present);
  const isInteger = present.every((v) => Number.isInteger(v));
  const format = (v: number) => words.format(indicator, v);
  const label = (lo: number, hi: number) => (lo === hi ? format(lo) : `${format(lo)} – ${format(hi)}`);
  const target = targetOf(info);
  const met = words.targetMet(indicator);
  const meets = (v: number) => target !== undefined && (higherIsBetter ? v >= target.value : v <= target.value);
  if (min === max)
    return [
      {
        min,
        max,
        colour: meets(min) || target === undefined ? RAMP[0] : RAMP[3],
        label: meets(min) ? `${format(min)} (${met})` : format(min),
      },
    ];

  const classes: { min: number; max: number; label: string }[] = [];
  let from = min;
  if (target && !higherIsBetter && min <= target.value) {
    const top = Math.min(target.value, max);
    classes.push({ min, max: top, label: `${label(min, top)} (${met})` });
    from = isInteger ? top + 1 : top;
  }
  const rest = RAMP.length - classes.length;
  if (from <= max && !(isInteger && from > max)) {
    const n = isInteger ? Math.min(rest, max - from + 1) : rest;
    const width = (max - from) / n;
    for (let i = 0; i < n; i += 1) {
      let lo = from + i * width;
      let hi = i === n - 1 ? max : from + (i + 1) * width;
      if (isInteger) {
        lo = Math.ceil(lo - 1e-9);
        hi = i === n - 1 ? max : Math.ceil(from + (i + 1) * width - 1e-9) - 1;
        if (hi < lo) continue;
      }
      // Above the target a class's lower bound is exclusive, but labels give the range the values fall in.
      classes.push({ min: lo, max: hi, label: label(lo, hi) });
    }
  }
  // Colour by rank from better to worse: for "higher is better" the largest values are the best.
  const ordered = higherIsBetter ? [...classes].reverse() : classes;
  const colourOf = new Map(ordered.map((c, rank) => [c, RAMP[Math.round((rank * (RAMP.length - 1)) / Math.max(1, ordered.length - 1))]!]));
  return classes.map((c) => ({ ...c, colour: colourOf.get(c)! }));
}

/** The class a value falls in: the first whose upper bound it does not pass (classes are in ascending order). */
export function classOf(value: number, classes: readonly ColourClass[]): ColourClass | null {
  if (classes.length === 0 || value < classes[0]!.min - 1e-9) return null;
  return classes.find((c) => value <= c.max + 1e-9) ?? classes.at(-1)!;
}
