/** The indicators table: one row per Member State on the as-of date, the default dashboard's figures — the instruments in force on that date (db/queries/dashboard.ts). */
import type { Db } from "@/db/client";
import { loadDashboard } from "@/db/queries/dashboard";
import { todayIso, type AsOf } from "@/lib/as-of";
import type { TableQuery } from "@/lib/table-state";
import type { IndicatorRow } from "@/db/tables/indicators";
import { DEFAULT_COLLECTION } from "@/lib/collections";

export function indicatorRows(db: Db, query: TableQuery, asOf: AsOf): IndicatorRow[] {
  const { figures } = loadDashboard(db, asOf.date, todayIso(), DEFAULT_COLLECTION);
  const coverage = new Map(figures.coverage.map((c) => [c.stateCode, c.coverage]));
  const open = new Map(figures.infringements.map((i) => [i.stateCode, i.openCount]));
  return figures.scoreboard.rows
    .filter((r) => query.state.length === 0 || query.state.includes(r.stateCode))
    .map((r) => ({
      stateCode: r.stateCode,
      stateName: r.stateName,
      dueCount: r.deficit.dueCount,
      transposedCount: r.deficit.transposedCount,
      notTransposedCount: r.deficit.notTransposedCount,
      deficit: r.deficit.deficit,
      deficitRating: r.ratings.deficit,
      change: r.change.change,
      longOverdue: r.longOverdue.count,
      totalDelayMonths: r.totalDelay.totalMonths,
      conformityDeficit: r.conformity.share,
      overallScore: r.overall.score,
      overallBand: r.overall.band,
      coverage: coverage.get(r.stateCode) ?? null,
      openInfringements: open.get(r.stateCode) ?? 0,
    }));
}
