/**
 * The dashboard's indicators, each declared once: its names, what it counts,
 * which way is better, how it is rated and how its value is written. The
 * Scoreboard table (column heads, "How these figures are computed"), the map
 * (picker, legend, value table, caption) and the indicators CSV (column ids
 * and descriptions) all read this. No number or rule is set here: targets and
 * bands come from transposition-deficit.ts and ratings.ts, which compute them.
 */
import { formatCount, formatDecimal, formatShare, formatSigned, type Locale } from "../format";
import { AVERAGE_BAND } from "./ratings";
import { DEFICIT_TARGETS, LONG_OVERDUE } from "./transposition-deficit";

export const INDICATOR_IDS = ["deficit", "change", "long_overdue", "total_delay", "conformity", "overall", "coverage", "infringements"] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export type Direction = "lower_is_better" | "higher_is_better";

/** How a value is written: a share as a percentage, months, a count, or a count that shows its sign. All with one decimal but counts. */
export type IndicatorUnit = "percent" | "months" | "count" | "signed";

/** How the rating is given, in words (`text`); the computation itself is in ratings.ts and transposition-deficit.ts. */
export type RatingRule =
  /** green at or below `value`, red above; `metLabel` names the values meeting it (the map's lightest class). */
  | { kind: "target"; value: number; metLabel: string; text: string }
  /** against the average of all states, ± `band`. */
  | { kind: "average"; band: number; text: string }
  /** by the sign of the change. */
  | { kind: "change"; text: string }
  /** the sum of the other ratings' points, banded. */
  | { kind: "points"; text: string }
  | { kind: "none" };

export interface Indicator {
  id: IndicatorId;
  /** The full name: the map's picker, legend and value table. */
  label: string;
  /** The Scoreboard table's column head and the name its formula starts with. */
  shortLabel: string;
  /** What the value is, in one sentence: shown under the map. */
  definition: string;
  /** How the Scoreboard computes it, the sentence after "<short label> =" under "How these figures are computed"; only the Scoreboard's indicators. */
  formula?: string;
  direction: Direction;
  rating: RatingRule;
  /** The indicators CSV's column: its id (documented in the README and /api, never to change) and its description. */
  column: { id: string; header: string };
  unit: IndicatorUnit;
  /** The value in words with its unit ("12.5%", "3.0 months", "+2"). */
  format: (value: number) => string;
  /** The number alone, for a column whose head names the unit ("3.0"). */
  formatNumber: (value: number) => string;
}

const NUMBER_FORMATS: Record<IndicatorUnit, (value: number, locale?: Locale) => string> = {
  percent: (v, locale) => formatShare(v, 1, locale),
  months: (v, locale) => formatDecimal(v, 1, locale),
  count: (v, locale) => (locale && locale !== "en" ? formatCount(v, locale) : String(v)),
  signed: (v, locale) => formatSigned(v, locale),
};

/** The number alone as a unit writes it in a language ("16,7 %", "3,0"): the interface's words around it are the app's. */
export function numberIn(unit: IndicatorUnit, locale: Locale): (value: number) => string {
  return (v) => NUMBER_FORMATS[unit](v, locale);
}

const UNIT_SUFFIX: Record<IndicatorUnit, string> = { percent: "", months: " months", count: "", signed: "" };

/** `format(value)` of a unit: the number and its unit. */
export function formatterOf(unit: IndicatorUnit): (value: number) => string {
  const number = NUMBER_FORMATS[unit];
  return (v) => `${number(v)}${UNIT_SUFFIX[unit]}`;
}

/** The value written as the indicator writes it, or `none` ("—" unless told) when there is no value. */
export function formatIndicator(indicator: Indicator, value: number | null, none = "—"): string {
  return value === null ? none : indicator.format(value);
}

export const formatPercent = formatterOf("percent");

const AVERAGE_RULE = `green below the average of all states × ${1 - AVERAGE_BAND}, yellow within ±${Math.round(AVERAGE_BAND * 100)}%, red above`;

type Declaration = Omit<Indicator, "id" | "format" | "formatNumber">;

const DECLARATIONS: Record<IndicatorId, Declaration> = {
  deficit: {
    label: "Transposition deficit",
    shortLabel: "Transposition deficit",
    definition:
      "Instruments in force whose deadline for the state has passed and whose complete transposition was not notified by the date, as a share of those whose notification is known.",
    formula:
      "instruments in force on the date whose deadline for the state has passed and whose complete transposition was not notified by then, ÷ those whose notification is known",
    direction: "lower_is_better",
    rating: {
      kind: "target",
      value: DEFICIT_TARGETS.europeanCouncil2007.value,
      metLabel: `target of ${DEFICIT_TARGETS.europeanCouncil2007.value * 100}% met`,
      text: `Green at ≤ ${DEFICIT_TARGETS.europeanCouncil2007.label} (${DEFICIT_TARGETS.europeanCouncil2007.source}), red above; the later target is ${DEFICIT_TARGETS.singleMarketAct2011.label} (${DEFICIT_TARGETS.singleMarketAct2011.source})`,
    },
    column: { id: "deficit", header: "Transposition deficit (share)" },
    unit: "percent",
  },
  change: {
    label: "Change in instruments not transposed",
    shortLabel: "Change",
    definition: "Instruments not transposed on the date minus those not transposed on the previous reporting date, six months earlier.",
    formula: "instruments not transposed now − on the previous reporting date (six months earlier)",
    direction: "lower_is_better",
    rating: { kind: "change", text: "decrease green, none yellow, increase red" },
    column: { id: "change", header: "Change in instruments not transposed" },
    unit: "signed",
  },
  long_overdue: {
    label: "Instruments two years or more overdue",
    shortLabel: "Two years or more overdue",
    definition: "Number of instruments in force not transposed two years or more after the state's deadline (target 0).",
    direction: "lower_is_better",
    rating: {
      kind: "target",
      value: LONG_OVERDUE.target,
      metLabel: `target of ${LONG_OVERDUE.target} met`,
      text: `${LONG_OVERDUE.label}; ${LONG_OVERDUE.source}`,
    },
    column: { id: "long_overdue", header: "Two years or more overdue" },
    unit: "count",
  },
  total_delay: {
    label: "Total transposition delay",
    shortLabel: "Total delay",
    definition: "Sum of the months past the state's deadline over the instruments still not transposed on the date.",
    formula: "Σ months past the deadline over the instruments still not transposed",
    direction: "lower_is_better",
    rating: { kind: "average", band: AVERAGE_BAND, text: AVERAGE_RULE },
    column: { id: "total_delay_months", header: "Total transposition delay (months)" },
    unit: "months",
  },
  conformity: {
    label: "Conformity deficit",
    shortLabel: "Conformity deficit",
    definition: "Of the instruments notified as transposed, the share with a provision assessed non-conforming or under an open non-conformity proceeding.",
    formula: "notified instruments with a provision assessed non-conforming or an open non-conformity proceeding ÷ notified instruments",
    direction: "lower_is_better",
    rating: { kind: "average", band: AVERAGE_BAND, text: AVERAGE_RULE },
    column: { id: "conformity_deficit", header: "Conformity deficit (share)" },
    unit: "percent",
  },
  overall: {
    label: "Overall Scoreboard-style score",
    shortLabel: "Overall",
    definition: "Sum over the five rated indicators of +1 (green), 0 (yellow) or −1 (red).",
    formula: "Σ of +1 (green), 0 (yellow), −1 (red)",
    direction: "higher_is_better",
    rating: { kind: "points", text: "≥ 2 above average, −1 to 1 average, ≤ −2 below average" },
    column: { id: "overall_score", header: "Overall score" },
    unit: "signed",
  },
  coverage: {
    label: "Provision coverage",
    shortLabel: "Provision coverage",
    definition:
      "Provisions requiring transposition, deadline passed, assessed full, as a share of those assessed (not-assessed provisions are left out), over all instruments including repealed ones.",
    direction: "higher_is_better",
    rating: { kind: "none" },
    column: { id: "coverage", header: "Provision coverage (share)" },
    unit: "percent",
  },
  infringements: {
    label: "Open infringement proceedings",
    shortLabel: "Open infringement proceedings",
    definition: "Proceedings started by the date and not closed or withdrawn by it.",
    direction: "lower_is_better",
    rating: { kind: "none" },
    column: { id: "open_infringements", header: "Open infringement proceedings" },
    unit: "count",
  },
};

export const INDICATORS: Record<IndicatorId, Indicator> = Object.fromEntries(
  INDICATOR_IDS.map((id) => [
    id,
    { id, ...DECLARATIONS[id], format: formatterOf(DECLARATIONS[id].unit), formatNumber: (v: number) => NUMBER_FORMATS[DECLARATIONS[id].unit](v) },
  ]),
) as Record<IndicatorId, Indicator>;

/** A column head naming the unit the cells leave out: "Total delay (months)". */
export function columnHeadOf(indicator: Indicator): string {
  return indicator.unit === "months" ? `${indicator.shortLabel} (months)` : indicator.shortLabel;
}

export function isHigherBetter(indicator: Indicator): boolean {
  return indicator.direction === "higher_is_better";
}

/** The value the indicator's target sets, where it has one, with the words for meeting it. */
export function targetOf(indicator: Indicator): { value: number; label: string } | undefined {
  return indicator.rating.kind === "target" ? { value: indicator.rating.value, label: indicator.rating.metLabel } : undefined;
}
