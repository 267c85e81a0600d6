/**
 * The dashboard's sums over its figures (lib/indicators/dashboard.ts): the
 * headline figures, the instrument whose repeal emptied a date, and the
 * inventory's holdings. Pure; the page only writes them out.
 */
import type { DashboardFigures } from "./dashboard";
import type { IsoDate, SnapshotInstrument } from "./inventory";
import { isInForceOn } from "./timeline";

export interface HeadlineFigures {
  instrumentsInForce: number;
  instruments: number;
  /** Member States on the date: the Scoreboard's rows. */
  memberStates: number;
  /** States with a transposition deficit (some notification known), and those of them at or below the target (rated green). */
  statesWithDeficit: number;
  statesMeetingTarget: number;
  /** Unweighted mean of the states' deficits; null when no state has one. */
  averageDeficit: number | null;
  /** Σ over the states of the instruments two years or more overdue. */
  longOverdue: number;
  openInfringements: number;
  /** Σ over the states of the provisions assessed full, assessed, and due (applicable); `share` = full ÷ assessed, null when none is assessed. */
  coverage: { full: number; assessed: number; applicable: number; share: number | null };
  /** Transpositions whose date is inferred from the principal measure, over all states. */
  inferredDates: number;
}

type Dated = Pick<SnapshotInstrument, "adoptionDate" | "repealedFrom">;

export function computeHeadlineFigures(figures: DashboardFigures, instruments: readonly Dated[], asOf: IsoDate): HeadlineFigures {
  const rows = figures.scoreboard.rows;
  const withDeficit = rows.filter((r) => r.deficit.deficit !== null);
  const full = sumOf(figures.coverage, (c) => c.fullCount);
  const assessed = sumOf(figures.coverage, (c) => c.assessedCount);
  return {
    instrumentsInForce: instruments.filter((i) => isInForceOn(i, asOf)).length,
    instruments: instruments.length,
    memberStates: rows.length,
    statesWithDeficit: withDeficit.length,
    statesMeetingTarget: withDeficit.filter((r) => r.ratings.deficit === "green").length,
    averageDeficit: withDeficit.length ? figures.scoreboard.averages.deficit : null,
    longOverdue: sumOf(rows, (r) => r.longOverdue.count),
    openInfringements: sumOf(figures.infringements, (f) => f.openCount),
    coverage: { full, assessed, applicable: sumOf(figures.coverage, (c) => c.applicableCount), share: assessed ? full / assessed : null },
    inferredDates: sumOf(rows, (r) => r.deficit.transposedDateInferredCount),
  };
}

/** The instrument repealed last (by the date its repeal takes effect), or undefined when none is repealed. */
export function lastRepealedOf<T extends { repealedFrom: string | null }>(instruments: readonly T[]): T | undefined {
  return instruments.filter((i) => i.repealedFrom !== null).sort((a, b) => b.repealedFrom!.localeCompare(a.repealedFrom!))[0];
}

/** Σ of the national measures over the states. */
export function totalMeasuresOf(perState: readonly { measures: number }[]): number {
  return sumOf(perState, (s) => s.measures);
}

function sumOf<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((n, item) => n + value(item), 0);
}
