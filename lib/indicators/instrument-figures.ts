/**
 * The provision-level indicators of each instrument on one date, in the form
 * the dashboard adds up: coverage per state (coverage.ts), whether a state has
 * a provision assessed non-conforming (the Scoreboard's conformity deficit,
 * transposition-deficit.ts), the harmonisation sums and the instrument's
 * largest gaps (harmonisation.ts).
 *
 * Each instrument's figures depend only on that instrument's provisions and
 * correspondences, so they can be computed one instrument at a time from a
 * snapshot scoped to it and kept (db/cache/indicator-cache.ts); summing the
 * pieces gives exactly what the whole snapshot gives
 * (`provisionLevelFiguresOf`, tests/unit/indicators/instrument-figures.test.ts).
 */
import type { InventorySnapshot, IsoDate } from "./inventory";
import { indexSnapshot, pairKey } from "./inventory";
import { computeCoverageByInstrument, type InstrumentCoverage } from "./coverage";
import { computeHarmonisationGaps, type ProvisionHarmonisation } from "./harmonisation";
import { transpositionStatusOn } from "./transposition-status";

/** How many of the largest gaps a list shows (the dashboard's). */
export const LARGEST_GAPS_LENGTH = 10;

export interface InstrumentFigures {
  instrumentId: number;
  /** One cell per state for which the instrument is in scope (see provisionScopeForState). */
  coverage: InstrumentCoverage[];
  /**
   * States with a coverage cell (the instrument in scope for them) that have
   * some provision of it, due or not, assessed non_conforming on the date. The
   * Scoreboard only asks about due instruments, which are always in scope.
   */
  nonConformingStateCodes: string[];
  /** Σ assessedCount over the instrument's provision rows. */
  assessedPairs: number;
  /** Σ (stateCount − not_applicable) over the provision rows. */
  boundPairs: number;
  /** The instrument's provisions with a gap > 0, largest first (`compareGaps`), at most `listLength`. */
  largestGaps: ProvisionHarmonisation[];
}

/** Largest gap first; ties: more states assessed first, then the lower provision id. */
export function compareGaps(a: ProvisionHarmonisation, b: ProvisionHarmonisation): number {
  return b.gap! - a.gap! || b.assessedCount - a.assessedCount || a.provisionId - b.provisionId;
}

/** Provision rows with a gap > 0, largest first, at most `length`. */
export function largestGapsOf(rows: readonly ProvisionHarmonisation[], length: number): ProvisionHarmonisation[] {
  return rows
    .filter((g) => g.gap !== null && g.gap > 0)
    .sort(compareGaps)
    .slice(0, length);
}

/** The figures of every instrument of the snapshot on asOf, in the snapshot's instrument order. */
export function computeInstrumentFigures(snapshot: InventorySnapshot, asOf: IsoDate, listLength: number = LARGEST_GAPS_LENGTH): InstrumentFigures[] {
  const index = indexSnapshot(snapshot);
  const coverageByInstrument = new Map<number, InstrumentCoverage[]>();
  for (const cell of computeCoverageByInstrument(snapshot, asOf)) {
    const list = coverageByInstrument.get(cell.instrumentId);
    if (list) list.push(cell);
    else coverageByInstrument.set(cell.instrumentId, [cell]);
  }
  return snapshot.instruments.map((instrument) => {
    const gaps = computeHarmonisationGaps(snapshot, asOf, { instrumentId: instrument.id });
    const provisions = index.provisionsByInstrument.get(instrument.id) ?? [];
    const coverage = coverageByInstrument.get(instrument.id) ?? [];
    return {
      instrumentId: instrument.id,
      coverage,
      nonConformingStateCodes: coverage
        .filter((cell) => provisions.some((p) => transpositionStatusOn(snapshot, cell.stateCode, p.id, asOf).status === "non_conforming"))
        .map((cell) => cell.stateCode),
      assessedPairs: gaps.reduce((n, g) => n + g.assessedCount, 0),
      boundPairs: gaps.reduce((n, g) => n + g.stateCount - g.counts.not_applicable, 0),
      largestGaps: largestGapsOf(gaps, listLength),
    };
  });
}

/** Σ over a state's instrument cells. */
export interface CoverageSums {
  fullCount: number;
  assessedCount: number;
  applicableCount: number;
}

/** Adds state × instrument cells to the per-state sums. */
export function addCoverageCells(sums: Map<string, CoverageSums>, cells: Iterable<InstrumentCoverage>): Map<string, CoverageSums> {
  for (const cell of cells) {
    const row = sums.get(cell.stateCode) ?? { fullCount: 0, assessedCount: 0, applicableCount: 0 };
    row.fullCount += cell.counts.full;
    row.assessedCount += cell.assessedCount;
    row.applicableCount += cell.applicableCount;
    sums.set(cell.stateCode, row);
  }
  return sums;
}

/** The provision-level figures of the whole inventory on one date, summed from the per-instrument ones. */
export interface ProvisionLevelFigures {
  coverageByState: Map<string, CoverageSums>;
  /** pairKey(state, instrument) of the pairs with a provision assessed non_conforming. */
  nonConforming: Set<string>;
  assessedPairs: number;
  boundPairs: number;
  largestGaps: ProvisionHarmonisation[];
}

/** Adds up per-instrument figures (from any number of scoped snapshots or the cache). */
export function combineInstrumentFigures(parts: Iterable<InstrumentFigures>, listLength: number = LARGEST_GAPS_LENGTH): ProvisionLevelFigures {
  const combined: ProvisionLevelFigures = { coverageByState: new Map(), nonConforming: new Set(), assessedPairs: 0, boundPairs: 0, largestGaps: [] };
  const candidates: ProvisionHarmonisation[] = [];
  for (const part of parts) {
    addCoverageCells(combined.coverageByState, part.coverage);
    for (const code of part.nonConformingStateCodes) combined.nonConforming.add(pairKey(code, part.instrumentId));
    combined.assessedPairs += part.assessedPairs;
    combined.boundPairs += part.boundPairs;
    candidates.push(...part.largestGaps);
  }
  // The overall top n is within the union of every instrument's top n (same order).
  combined.largestGaps = largestGapsOf(candidates, listLength);
  return combined;
}

/** The provision-level figures computed from one snapshot (whole or scoped). */
export function provisionLevelFiguresOf(snapshot: InventorySnapshot, asOf: IsoDate, listLength: number = LARGEST_GAPS_LENGTH): ProvisionLevelFigures {
  return combineInstrumentFigures(computeInstrumentFigures(snapshot, asOf, listLength), listLength);
}
