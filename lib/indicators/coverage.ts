/**
 * Provision coverage: how much of what a state had to transpose is assessed
 * `full`, per state × instrument, × obligation and × security property.
 *
 * Counted provisions: those requiring transposition whose deadline for the
 * state has passed on asOf, for states members on asOf (deadlines.ts,
 * provisionScopeForState). Statuses on asOf: transposition-status.ts.
 *
 * Treatment of statuses in the figures:
 * - `not_applicable`: the state need not transpose it; out of every denominator.
 * - `unknown` (not assessed, incl. no row): out of the coverage denominator and
 *   reported as `unknownShare`, so coverage is "of what has been assessed" and
 *   the UI can always show how much has not been. `fullShareOfApplicable` is
 *   the figure with unknown counted in: the floor coverage could fall to.
 * - `partial`, `not_transposed`, `non_conforming`: assessed and not full.
 */
import type { InventorySnapshot, IsoDate, SecurityProperty, SnapshotMemberState, TranspositionStatus } from "./inventory";
import { provisionScopeForState, membersOn } from "./deadlines";
import { transpositionStatusOn } from "./transposition-status";
import { securityProperties, transpositionStatuses } from "../vocabulary";

export type StatusCounts = Record<TranspositionStatus, number>;

export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(transpositionStatuses.map((s) => [s, 0])) as StatusCounts;
}

export interface CoverageFigures {
  /** Counted provisions (requiring transposition, deadline passed). */
  provisionCount: number;
  counts: StatusCounts;
  /** applicable = provisionCount − not_applicable. */
  applicableCount: number;
  /** assessed = applicable − unknown. */
  assessedCount: number;
  /** coverage = full / assessed; null when nothing is assessed. */
  coverage: number | null;
  /** unknownShare = unknown / applicable; null when nothing is applicable. */
  unknownShare: number | null;
  /** fullShareOfApplicable = full / applicable (unknown counted as not full); null when nothing is applicable. */
  fullShareOfApplicable: number | null;
}

/** The coverage figures of a list of statuses (formulas on CoverageFigures). */
export function coverageFigures(statuses: readonly TranspositionStatus[]): CoverageFigures {
  const counts = emptyStatusCounts();
  for (const s of statuses) counts[s] += 1;
  return coverageFiguresOfCounts(counts);
}

/** The same figures from the counts per status (their sum is the number of counted provisions). */
export function coverageFiguresOfCounts(counts: StatusCounts): CoverageFigures {
  const provisionCount = Object.values(counts).reduce((a, b) => a + b, 0);
  const applicableCount = provisionCount - counts.not_applicable;
  const assessedCount = applicableCount - counts.unknown;
  return {
    provisionCount,
    counts,
    applicableCount,
    assessedCount,
    coverage: assessedCount === 0 ? null : counts.full / assessedCount,
    unknownShare: applicableCount === 0 ? null : counts.unknown / applicableCount,
    fullShareOfApplicable: applicableCount === 0 ? null : counts.full / applicableCount,
  };
}

export interface InstrumentCoverage extends CoverageFigures {
  stateCode: string;
  instrumentId: number;
  /** Provisions requiring transposition whose deadline for the state is still ahead on asOf (not counted). */
  notYetDueCount: number;
  /** The instrument is repealed on asOf; its coverage is kept as a historical fact. */
  isRepealedOnAsOf: boolean;
}

interface CountedStatus {
  provisionId: number;
  status: TranspositionStatus;
}

/** The counted provisions of a state on asOf with their statuses, across instruments. */
function countedStatusesForState(snapshot: InventorySnapshot, state: SnapshotMemberState, asOf: IsoDate): Map<number, CountedStatus> {
  const byProvision = new Map<number, CountedStatus>();
  for (const instrument of snapshot.instruments) {
    const scope = provisionScopeForState(snapshot, state, instrument, asOf);
    for (const { provision } of scope?.due ?? [])
      byProvision.set(provision.id, { provisionId: provision.id, status: transpositionStatusOn(snapshot, state.code, provision.id, asOf).status });
  }
  return byProvision;
}

/** Coverage per state × instrument, for every in-scope pair (see provisionScopeForState), including pairs with nothing due yet. */
export function computeCoverageByInstrument(snapshot: InventorySnapshot, asOf: IsoDate): InstrumentCoverage[] {
  const cells: InstrumentCoverage[] = [];
  for (const state of membersOn(snapshot, asOf)) {
    for (const instrument of snapshot.instruments) {
      const scope = provisionScopeForState(snapshot, state, instrument, asOf);
      if (!scope) continue;
      const statuses = scope.due.map(({ provision }) => transpositionStatusOn(snapshot, state.code, provision.id, asOf).status);
      cells.push({
        stateCode: state.code,
        instrumentId: instrument.id,
        notYetDueCount: scope.notYetDueCount,
        isRepealedOnAsOf: scope.isRepealedOnAsOf,
        ...coverageFigures(statuses),
      });
    }
  }
  return cells;
}

export interface ObligationCoverage extends CoverageFigures {
  stateCode: string;
  obligationId: number;
}

/** Coverage per state × obligation over the counted provisions imposing it; a pair with no counted provision is left out. */
export function computeCoverageByObligation(snapshot: InventorySnapshot, asOf: IsoDate): ObligationCoverage[] {
  const cells: ObligationCoverage[] = [];
  for (const state of membersOn(snapshot, asOf)) {
    const counted = countedStatusesForState(snapshot, state, asOf);
    for (const obligation of snapshot.obligations) {
      const statuses = obligation.provisionIds.flatMap((id) => {
        const c = counted.get(id);
        return c ? [c.status] : [];
      });
      if (statuses.length) cells.push({ stateCode: state.code, obligationId: obligation.id, ...coverageFigures(statuses) });
    }
  }
  return cells;
}

export interface SecurityPropertyCoverage extends CoverageFigures {
  stateCode: string;
  property: SecurityProperty;
}

/**
 * Coverage per state × security property over the distinct counted
 * provisions imposing an obligation tagged with the property (a provision
 * imposing two such obligations counts once).
 */
export function computeCoverageBySecurityProperty(snapshot: InventorySnapshot, asOf: IsoDate): SecurityPropertyCoverage[] {
  const provisionsByProperty = new Map<SecurityProperty, Set<number>>(securityProperties.map((p) => [p, new Set<number>()]));
  for (const obligation of snapshot.obligations)
    for (const property of obligation.securityProperties) for (const id of obligation.provisionIds) provisionsByProperty.get(property)?.add(id);
  const cells: SecurityPropertyCoverage[] = [];
  for (const state of membersOn(snapshot, asOf)) {
    const counted = countedStatusesForState(snapshot, state, asOf);
    for (const property of securityProperties) {
      const statuses = [...(provisionsByProperty.get(property) ?? [])].flatMap((id) => {
        const c = counted.get(id);
        return c ? [c.status] : [];
      });
      if (statuses.length) cells.push({ stateCode: state.code, property, ...coverageFigures(statuses) });
    }
  }
  return cells;
}
