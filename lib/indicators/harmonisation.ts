/**
 * Harmonisation: how far the Member States diverge on the same provision,
 * and how differently two states transposed the same instrument.
 *
 * States counted for a provision: members on asOf for which the provision is
 * counted (requires transposition, deadline passed; deadlines.ts). Statuses
 * on asOf: transposition-status.ts.
 *
 * `unknown` (not assessed) is never divergence: it is left out of every
 * denominator and reported as `unknownShare` / `notComparableCount`.
 * `not_applicable` says the provision does not bind the state, so it is left
 * out of the gap too (but still shows in `counts`).
 */
import type { InventorySnapshot, IsoDate, TranspositionRelation, TranspositionStatus } from "./inventory";
import { indexSnapshot } from "./inventory";
import { membersOn, provisionScopeForState } from "./deadlines";
import { emptyStatusCounts, type StatusCounts } from "./coverage";
import { transpositionStatusOn, type StatusOnDate } from "./transposition-status";
import { transpositionRelations } from "../vocabulary";

export type RelationCounts = Record<TranspositionRelation | "not_stated", number>;

export interface ProvisionHarmonisation {
  provisionId: number;
  instrumentId: number;
  /** States for which the provision is counted on asOf. */
  stateCount: number;
  counts: StatusCounts;
  /** assessed = stateCount − unknown − not_applicable. */
  assessedCount: number;
  /** gap = (assessed − full) / assessed: the share of assessed states not `full`; null when none is assessed. */
  gap: number | null;
  /** unknownShare = unknown / (stateCount − not_applicable); null when no state is bound. */
  unknownShare: number | null;
  /** Relations of the assessed states' rows; `not_stated` where the row gives none. */
  relationCounts: RelationCounts;
  /** goldPlatingShare = superset / assessed: national law going further than the directive; null when none is assessed. */
  goldPlatingShare: number | null;
  /** Distinct statuses among the assessed states. */
  distinctStatusCount: number;
  /** statusDiversity = 1 − Σ pᵢ² over the assessed states' statuses (Gini–Simpson: 0 when all agree); null when none is assessed. */
  statusDiversity: number | null;
  /** relationDiversity = 1 − Σ pᵢ² over the stated relations; null when no relation is stated. */
  relationDiversity: number | null;
}

/** 1 − Σ pᵢ²: the chance that two entries drawn at random (with replacement) differ. */
export function giniSimpson(counts: readonly number[]): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  return 1 - counts.reduce((sum, n) => sum + (n / total) ** 2, 0);
}

function emptyRelationCounts(): RelationCounts {
  return { ...(Object.fromEntries(transpositionRelations.map((r) => [r, 0])) as Record<TranspositionRelation, number>), not_stated: 0 };
}

/** The statuses on asOf of every state for which each provision of the instrument is counted, by provision id. */
function statusesByProvision(snapshot: InventorySnapshot, instrumentId: number, asOf: IsoDate): Map<number, Map<string, StatusOnDate>> {
  const instrument = indexSnapshot(snapshot).instrumentsById.get(instrumentId);
  const result = new Map<number, Map<string, StatusOnDate>>();
  if (!instrument) return result;
  for (const state of membersOn(snapshot, asOf)) {
    for (const { provision } of provisionScopeForState(snapshot, state, instrument, asOf)?.due ?? []) {
      let byState = result.get(provision.id);
      if (!byState) result.set(provision.id, (byState = new Map()));
      byState.set(state.code, transpositionStatusOn(snapshot, state.code, provision.id, asOf));
    }
  }
  return result;
}

function harmonisationOf(provisionId: number, instrumentId: number, statuses: readonly StatusOnDate[]): ProvisionHarmonisation {
  const counts = emptyStatusCounts();
  const relationCounts = emptyRelationCounts();
  for (const s of statuses) {
    counts[s.status] += 1;
    if (s.status !== "unknown" && s.status !== "not_applicable") relationCounts[s.relation ?? "not_stated"] += 1;
  }
  const bound = statuses.length - counts.not_applicable;
  const assessedCount = bound - counts.unknown;
  const assessedStatuses = (Object.entries(counts) as [TranspositionStatus, number][]).filter(([s, n]) => s !== "unknown" && s !== "not_applicable" && n > 0);
  return {
    provisionId,
    instrumentId,
    stateCount: statuses.length,
    counts,
    assessedCount,
    gap: assessedCount === 0 ? null : (assessedCount - counts.full) / assessedCount,
    unknownShare: bound === 0 ? null : counts.unknown / bound,
    relationCounts,
    goldPlatingShare: assessedCount === 0 ? null : relationCounts.superset / assessedCount,
    distinctStatusCount: assessedStatuses.length,
    statusDiversity: giniSimpson(assessedStatuses.map(([, n]) => n)),
    relationDiversity: giniSimpson(transpositionRelations.map((r) => relationCounts[r])),
  };
}

/**
 * Harmonisation gap per provision on asOf, for one instrument or (without
 * `instrumentId`) all of them, in document order. A provision counted for no
 * state is left out.
 */
export function computeHarmonisationGaps(snapshot: InventorySnapshot, asOf: IsoDate, options: { instrumentId?: number } = {}): ProvisionHarmonisation[] {
  const index = indexSnapshot(snapshot);
  const instrumentIds = options.instrumentId === undefined ? snapshot.instruments.map((i) => i.id) : [options.instrumentId];
  const rows: ProvisionHarmonisation[] = [];
  for (const instrumentId of instrumentIds) {
    const byProvision = statusesByProvision(snapshot, instrumentId, asOf);
    for (const provision of index.provisionsByInstrument.get(instrumentId) ?? []) {
      const byState = byProvision.get(provision.id);
      if (byState) rows.push(harmonisationOf(provision.id, instrumentId, [...byState.values()]));
    }
  }
  return rows;
}

export interface StatePairDivergence {
  stateA: string;
  stateB: string;
  instrumentId: number;
  /** Provisions counted for both states. */
  sharedCount: number;
  /** Shared provisions that both states have assessed (neither `unknown`). */
  comparedCount: number;
  /** sharedCount − comparedCount: one or both `unknown`. */
  notComparableCount: number;
  /** Compared provisions where the statuses differ, or are equal but both rows state different relations. */
  divergingCount: number;
  /** divergence = diverging / compared; null when nothing can be compared. */
  divergence: number | null;
  /** The diverging provisions, in document order. */
  divergingProvisionIds: number[];
}

/** Whether two assessed entries differ: status, else relation when both rows state one. */
function isDiverging(a: StatusOnDate, b: StatusOnDate): boolean {
  if (a.status !== b.status) return true;
  return a.relation !== null && b.relation !== null && a.relation !== b.relation;
}

/**
 * Divergence per pair of states (each unordered pair once, stateA < stateB in
 * the snapshot's order) for one instrument on asOf:
 * divergence = (compared provisions that diverge) / (provisions both states have assessed).
 */
export function computePairwiseDivergence(snapshot: InventorySnapshot, instrumentId: number, asOf: IsoDate): StatePairDivergence[] {
  const byProvision = statusesByProvision(snapshot, instrumentId, asOf);
  const provisions = indexSnapshot(snapshot).provisionsByInstrument.get(instrumentId) ?? [];
  const states = membersOn(snapshot, asOf).map((s) => s.code);
  const pairs: StatePairDivergence[] = [];
  for (let i = 0; i < states.length; i += 1) {
    for (let j = i + 1; j < states.length; j += 1) {
      const stateA = states[i]!;
      const stateB = states[j]!;
      let sharedCount = 0;
      let comparedCount = 0;
      const divergingProvisionIds: number[] = [];
      for (const provision of provisions) {
        const byState = byProvision.get(provision.id);
        const a = byState?.get(stateA);
        const b = byState?.get(stateB);
        if (!a || !b) continue;
        sharedCount += 1;
        if (a.status === "unknown" || b.status === "unknown") continue;
        comparedCount += 1;
        if (isDiverging(a, b)) divergingProvisionIds.push(provision.id);
      }
      if (sharedCount === 0) continue;
      pairs.push({
        stateA,
        stateB,
        instrumentId,
        sharedCount,
        comparedCount,
        notComparableCount: sharedCount - comparedCount,
        divergingCount: divergingProvisionIds.length,
        divergence: comparedCount === 0 ? null : divergingProvisionIds.length / comparedCount,
        divergingProvisionIds,
      });
    }
  }
  return pairs;
}
