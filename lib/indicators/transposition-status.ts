/**
 * The status of one state × provision on an as-of date, as every
 * provision-level indicator reads it.
 *
 * - No correspondence row: `unknown` (not assessed). `unknown` is never read
 *   as `not_transposed`.
 * - A row citing national measures of which none existed on asOf (not yet
 *   adopted, or repealed by then): `unknown` for that date — the status is the
 *   current assessment and cannot be read back to a time before the law it
 *   rests on (lib/as-of.ts drops such rows from past views too).
 * - Otherwise the row's status and relation.
 */
import type { InventorySnapshot, IsoDate, SnapshotTransposition, TranspositionRelation, TranspositionStatus } from "./inventory";
import { indexSnapshot, transpositionOf } from "./inventory";
import { measureExistsOn } from "./timeline";

export interface StatusOnDate {
  status: TranspositionStatus;
  relation: TranspositionRelation | null;
  /** The correspondence row, when one counts on asOf (for linking to it). */
  transpositionId: number | null;
}

const UNASSESSED: StatusOnDate = { status: "unknown", relation: null, transpositionId: null };

export function transpositionCountsOn(snapshot: InventorySnapshot, row: SnapshotTransposition, asOf: IsoDate): boolean {
  return row.measures.length === 0 || row.measures.some((m) => measureExistsOn(m, asOf, snapshot));
}

/**
 * The answers for the last date asked, kept with the snapshot's index: coverage, harmonisation and the
 * Scoreboard ask about the same rows and date in turn (millions of times per dashboard date at scale).
 */
const answersOfLastDate = new WeakMap<object, { asOf: IsoDate; answers: Map<SnapshotTransposition, StatusOnDate> }>();

export function transpositionStatusOn(snapshot: InventorySnapshot, stateCode: string, provisionId: number, asOf: IsoDate): StatusOnDate {
  const index = indexSnapshot(snapshot);
  const row = transpositionOf(index, stateCode, provisionId);
  if (!row) return UNASSESSED;
  let memo = answersOfLastDate.get(index);
  if (!memo || memo.asOf !== asOf) answersOfLastDate.set(index, (memo = { asOf, answers: new Map() }));
  const known = memo.answers.get(row);
  if (known) return known;
  const answer: StatusOnDate = transpositionCountsOn(snapshot, row, asOf)
    ? { status: row.status, relation: row.relation, transpositionId: row.id }
    : UNASSESSED;
  memo.answers.set(row, answer);
  return answer;
}
