/**
 * Everything the dashboard shows for one as-of date, computed once per
 * request from one snapshot: the Scoreboard-style table, provision coverage
 * per state, infringement figures, per-instrument delays and the largest gaps.
 * Each part is one of the indicator functions of this folder; nothing here
 * adds a formula except the per-state coverage sum (documented below) and the
 * ordering of the gap lists. The provision-level part is summed per
 * instrument (instrument-figures.ts) so that it can come from the indicator
 * cache instead of 3 million correspondences in memory.
 */
import type { InventorySnapshot, IsoDate } from "./inventory";
import { computeScoreboard, computeInstrumentDelays, type InstrumentDelay, type PreviousReporting, type Scoreboard } from "./transposition-deficit";
import type { ProvisionHarmonisation } from "./harmonisation";
import { addCoverageCells, LARGEST_GAPS_LENGTH, provisionLevelFiguresOf, type CoverageSums, type ProvisionLevelFigures } from "./instrument-figures";
import { computeCoverageByInstrument } from "./coverage";
import { pairKey } from "./inventory";
import { computeInfringementFigures, type StateInfringements } from "./infringements";
import { addMonths, daysBetween, isInForceOn } from "./timeline";
import { membersOn } from "./deadlines";

export interface StateCoverage {
  stateCode: string;
  /** Σ full over the state's counted provisions of every instrument in scope. */
  fullCount: number;
  /** Σ assessed (applicable − unknown). */
  assessedCount: number;
  /** Σ applicable (counted − not_applicable). */
  applicableCount: number;
  /** coverage = Σ full / Σ assessed; null when nothing is assessed. */
  coverage: number | null;
}

/** Provision coverage per state over all instruments: Σ full / Σ assessed of the state × instrument cells. */
export function computeCoverageByState(snapshot: InventorySnapshot, asOf: IsoDate): StateCoverage[] {
  return coverageOfStates(snapshot, asOf, addCoverageCells(new Map(), computeCoverageByInstrument(snapshot, asOf)));
}

/** The coverage of each state that is a member on asOf, from the sums of its cells (however they were computed). */
export function coverageOfStates(snapshot: InventorySnapshot, asOf: IsoDate, sums: ReadonlyMap<string, CoverageSums>): StateCoverage[] {
  return membersOn(snapshot, asOf).map((s) => {
    const { fullCount, assessedCount, applicableCount } = sums.get(s.code) ?? { fullCount: 0, assessedCount: 0, applicableCount: 0 };
    return { stateCode: s.code, fullCount, assessedCount, applicableCount, coverage: assessedCount === 0 ? null : fullCount / assessedCount };
  });
}

export interface AsOfSuggestion {
  reason: "none_in_force_after_repeal" | "none_adopted_yet" | "none_due_yet";
  /** The date to offer instead. */
  date: IsoDate;
}

/**
 * A better date to look at when the Scoreboard-style figures are empty on
 * asOf because no instrument counts:
 * - every instrument adopted by asOf is repealed by then → the day before the
 *   last repeal (the latest day any was still in force);
 * - none adopted yet → the day after the earliest deadline;
 * - some in force but no deadline passed yet → the day after the earliest
 *   deadline of those in force.
 * Null when some instrument is in force with its deadline passed on asOf.
 */
export function suggestAsOf(snapshot: InventorySnapshot, asOf: IsoDate): AsOfSuggestion | null {
  const withDeadline = snapshot.instruments.filter((i) => i.transpositionDeadline !== null);
  if (withDeadline.length === 0) return null;
  const dayAfter = (d: IsoDate) => addDays(d, 1);
  const inForce = withDeadline.filter((i) => isInForceOn(i, asOf));
  if (inForce.some((i) => i.transpositionDeadline! < asOf)) return null;
  if (inForce.length > 0) return { reason: "none_due_yet", date: dayAfter(minOf(inForce.map((i) => i.transpositionDeadline!))) };
  const adopted = withDeadline.filter((i) => i.adoptionDate <= asOf);
  if (adopted.length === 0) return { reason: "none_adopted_yet", date: dayAfter(minOf(withDeadline.map((i) => i.transpositionDeadline!))) };
  const repeals = adopted.map((i) => i.repealedFrom).filter((d): d is IsoDate => d !== null);
  if (repeals.length === 0) return null;
  return { reason: "none_in_force_after_repeal", date: addDays(maxOf(repeals), -1) };
}

function minOf(dates: IsoDate[]): IsoDate {
  return dates.reduce((a, b) => (a <= b ? a : b));
}
function maxOf(dates: IsoDate[]): IsoDate {
  return dates.reduce((a, b) => (a >= b ? a : b));
}

/** The same day `days` later (or earlier). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const base = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const result = new Date(base + days * 86_400_000).toISOString().slice(0, 10);
  // Round-trip check: daysBetween validates both dates.
  if (daysBetween(date, result) !== days) throw new RangeError(`cannot add ${days} days to ${date}`);
  return result;
}

export interface DashboardFigures {
  asOf: IsoDate;
  scoreboard: Scoreboard;
  coverage: StateCoverage[];
  infringements: StateInfringements[];
  delays: InstrumentDelay[];
  /** Overdue on asOf, or transposed late, by delay in days, longest first. */
  largestDelays: InstrumentDelay[];
  /** Provisions with an assessed gap > 0, largest gap first (ties: more states assessed first). */
  largestProvisionGaps: ProvisionHarmonisation[];
  /** Σ over every provision of the states assessed, and of the states bound (counted − not applicable): how much is assessed. */
  provisionPairs: { assessed: number; bound: number };
  suggestion: AsOfSuggestion | null;
}

/** The parts of the dashboard computed from notifications and infringements alone: the same for a snapshot and date whatever the correspondences say. */
export interface NotificationFigures {
  delays: InstrumentDelay[];
  largestDelays: InstrumentDelay[];
  infringements: StateInfringements[];
  suggestion: AsOfSuggestion | null;
}

export function computeNotificationFigures(snapshot: InventorySnapshot, asOf: IsoDate, listLength: number = LARGEST_GAPS_LENGTH): NotificationFigures {
  const delays = computeInstrumentDelays(snapshot, asOf);
  return {
    delays,
    largestDelays: delays
      .filter((d) => (d.status === "overdue" || d.status === "late") && (d.delayDays ?? 0) > 0)
      // Codes are ASCII capitals: comparing code units orders them as localeCompare would, without its cost over 60,000 pairs.
      .sort((a, b) => (b.delayDays ?? 0) - (a.delayDays ?? 0) || (a.stateCode < b.stateCode ? -1 : a.stateCode > b.stateCode ? 1 : 0))
      .slice(0, listLength),
    infringements: computeInfringementFigures(snapshot, asOf),
    suggestion: suggestAsOf(snapshot, asOf),
  };
}

/**
 * The dashboard's figures. `snapshot` needs the notifications and
 * infringements; the provision-level part comes from `provisionLevel` when
 * given (summed per instrument, e.g. from the indicator cache — then the
 * snapshot need hold no provisions), else from the snapshot's own
 * correspondences. `reuse` hands in parts already computed for the same
 * snapshot and date (the Scoreboard only if computed with the same
 * non-conforming pairs).
 */
export function computeDashboardFigures(
  snapshot: InventorySnapshot,
  asOf: IsoDate,
  options: {
    listLength?: number;
    provisionLevel?: ProvisionLevelFigures;
    /** The previous reporting date's published figures (a published edition), when there is one. */
    previous?: PreviousReporting;
    reuse?: { notificationFigures?: NotificationFigures; scoreboard?: Scoreboard };
  } = {},
): DashboardFigures {
  const listLength = options.listLength ?? LARGEST_GAPS_LENGTH;
  const provisionLevel = options.provisionLevel ?? provisionLevelFiguresOf(snapshot, asOf, listLength);
  const { delays, largestDelays, infringements, suggestion } = options.reuse?.notificationFigures ?? computeNotificationFigures(snapshot, asOf, listLength);
  return {
    asOf,
    scoreboard:
      options.reuse?.scoreboard ??
      computeScoreboard(snapshot, asOf, {
        previous: options.previous,
        isAssessedNonConforming: (state, instrument) => provisionLevel.nonConforming.has(pairKey(state, instrument)),
      }),
    coverage: coverageOfStates(snapshot, asOf, provisionLevel.coverageByState),
    infringements,
    delays,
    largestDelays,
    largestProvisionGaps: provisionLevel.largestGaps.slice(0, listLength),
    provisionPairs: { assessed: provisionLevel.assessedPairs, bound: provisionLevel.boundPairs },
    suggestion,
  };
}

/** asOf shifted by whole years, clamped to the month's end (29 February → 28 February). */
export function shiftYears(asOf: IsoDate, years: number): IsoDate {
  return addMonths(asOf, years * 12);
}
