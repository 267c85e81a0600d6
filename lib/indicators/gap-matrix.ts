/**
 * The gap matrix: Member States × provisions of one instrument (the status of
 * each correspondence), and Member States × obligations or security
 * properties across instruments (coverage). Rows and columns can be ordered
 * by their gap:
 * - a state's gap (provisions view) = 1 − coverage of the instrument for it
 *   (share of its assessed, due provisions not `full`); other views: 1 − its
 *   coverage over all the columns' provisions;
 * - a provision's gap = the harmonisation gap (share of assessed states not
 *   `full`); an obligation's or property's = 1 − coverage over all states.
 * Gaps are "of what is assessed": `unknown` is never a gap, and a row or
 * column with nothing assessed has no gap and sorts last.
 */
import type { InventorySnapshot, IsoDate, SecurityProperty, SnapshotMemberState, SnapshotProvision, TranspositionStatus } from "./inventory";
import { indexSnapshot, transpositionOf } from "./inventory";
import { membersOn, provisionScopeForState } from "./deadlines";
import { coverageFigures, computeCoverageByObligation, computeCoverageBySecurityProperty, type CoverageFigures } from "./coverage";
import { computeHarmonisationGaps } from "./harmonisation";
import { transpositionStatusOn } from "./transposition-status";
import { securityProperties } from "../vocabulary";

export type MatrixOrder = "name" | "gap";
export type ColumnOrder = "document" | "gap";

export interface ProvisionCell {
  /** `not_due`: the provision is not counted for the state on asOf (deadline ahead, not binding, or not requiring transposition). */
  status: TranspositionStatus | "not_due";
  transpositionId: number | null;
}

export interface ProvisionMatrix {
  states: { state: SnapshotMemberState; gap: number | null; assessedCount: number }[];
  provisions: { provision: SnapshotProvision; gap: number | null; assessedCount: number }[];
  /** cells[row][column], in the order of `states` and `provisions`. */
  cells: ProvisionCell[][];
}

function byGap<T extends { gap: number | null }>(a: T, b: T): number {
  if (a.gap === null || b.gap === null) return a.gap === null ? (b.gap === null ? 0 : 1) : -1;
  return b.gap - a.gap;
}

/** Sorts stably: by gap descending (nulls last), keeping the given order among equals. */
export function sortByGap<T extends { gap: number | null }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => byGap(a.item, b.item) || a.i - b.i)
    .map((x) => x.item);
}

export function computeProvisionMatrix(
  snapshot: InventorySnapshot,
  instrumentId: number,
  asOf: IsoDate,
  order: { rows: MatrixOrder; cols: ColumnOrder },
): ProvisionMatrix {
  const index = indexSnapshot(snapshot);
  const instrument = index.instrumentsById.get(instrumentId);
  const provisions = (index.provisionsByInstrument.get(instrumentId) ?? []).filter((p) => p.requiresTransposition);
  const gaps = new Map(computeHarmonisationGaps(snapshot, asOf, { instrumentId }).map((g) => [g.provisionId, g]));
  let columns = provisions.map((provision) => ({
    provision,
    gap: gaps.get(provision.id)?.gap ?? null,
    assessedCount: gaps.get(provision.id)?.assessedCount ?? 0,
  }));
  if (order.cols === "gap") columns = sortByGap(columns);
  let rows = membersOn(snapshot, asOf)
    .map((state) => {
      const scope = instrument ? provisionScopeForState(snapshot, state, instrument, asOf) : null;
      const due = new Set((scope?.due ?? []).map((d) => d.provision.id));
      const cellsById = new Map<number, ProvisionCell>();
      const statuses: TranspositionStatus[] = [];
      for (const p of provisions) {
        if (!due.has(p.id)) {
          cellsById.set(p.id, { status: "not_due", transpositionId: transpositionOf(index, state.code, p.id)?.id ?? null });
          continue;
        }
        const s = transpositionStatusOn(snapshot, state.code, p.id, asOf);
        statuses.push(s.status);
        cellsById.set(p.id, { status: s.status, transpositionId: s.transpositionId });
      }
      const figures = coverageFigures(statuses);
      return { state, gap: figures.coverage === null ? null : 1 - figures.coverage, assessedCount: figures.assessedCount, cellsById };
    })
    .sort((a, b) => a.state.name.localeCompare(b.state.name));
  if (order.rows === "gap") rows = sortByGap(rows);
  return {
    states: rows.map(({ state, gap, assessedCount }) => ({ state, gap, assessedCount })),
    provisions: columns,
    cells: rows.map((r) => columns.map((c) => r.cellsById.get(c.provision.id)!)),
  };
}

export interface CoverageMatrix<K> {
  states: { state: SnapshotMemberState; gap: number | null; assessedCount: number }[];
  columns: { key: K; gap: number | null; assessedCount: number }[];
  /** cells[row][column]; null when no provision of the column is counted for the state. */
  cells: (CoverageFigures | null)[][];
}

function coverageMatrix<K>(
  snapshot: InventorySnapshot,
  asOf: IsoDate,
  keys: readonly K[],
  cells: readonly (CoverageFigures & { stateCode: string; key: K })[],
  order: { rows: MatrixOrder; cols: ColumnOrder },
): CoverageMatrix<K> {
  const cellOf = new Map(cells.map((c) => [`${c.stateCode}|${String(c.key)}`, c]));
  const gapOf = (list: CoverageFigures[]) => {
    const full = list.reduce((n, c) => n + c.counts.full, 0);
    const assessed = list.reduce((n, c) => n + c.assessedCount, 0);
    return { gap: assessed === 0 ? null : 1 - full / assessed, assessedCount: assessed };
  };
  let columns = keys.map((key) => ({ key, ...gapOf(cells.filter((c) => c.key === key)) }));
  if (order.cols === "gap") columns = sortByGap(columns);
  let rows = membersOn(snapshot, asOf)
    .map((state) => ({ state, ...gapOf(cells.filter((c) => c.stateCode === state.code)) }))
    .sort((a, b) => a.state.name.localeCompare(b.state.name));
  if (order.rows === "gap") rows = sortByGap(rows);
  return { states: rows, columns, cells: rows.map((r) => columns.map((c) => cellOf.get(`${r.state.code}|${String(c.key)}`) ?? null)) };
}

/** States × obligations (coverage of the provisions imposing each obligation). */
export function computeObligationMatrix(snapshot: InventorySnapshot, asOf: IsoDate, order: { rows: MatrixOrder; cols: ColumnOrder }): CoverageMatrix<number> {
  const cells = computeCoverageByObligation(snapshot, asOf).map((c) => ({ ...c, key: c.obligationId }));
  return coverageMatrix(
    snapshot,
    asOf,
    snapshot.obligations.map((o) => o.id),
    cells,
    order,
  );
}

/** States × security properties (coverage of the distinct provisions tagged with each). */
export function computePropertyMatrix(
  snapshot: InventorySnapshot,
  asOf: IsoDate,
  order: { rows: MatrixOrder; cols: ColumnOrder },
): CoverageMatrix<SecurityProperty> {
  const cells = computeCoverageBySecurityProperty(snapshot, asOf).map((c) => ({ ...c, key: c.property }));
  return coverageMatrix(snapshot, asOf, securityProperties, cells, order);
}
