/**
 * The indicators table: one row per Member State with the default dashboard's Scoreboard-style figures on the as-of
 * date. Its rows are computed in memory (server/export/indicators.ts, from lib/indicators); its columns take each
 * indicator's id and header from the catalogue (lib/indicators/catalogue.ts), so an indicator is declared once.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { state } from "@/db/tables/fields";
import { INDICATORS, type Indicator } from "@/lib/indicators/catalogue";
import type { TableSpec } from "@/lib/table-state";
import type { ColumnSpec, PlainValue } from "@/lib/table-types";

/** One row of GET /api/v1/indicators; the row type is inferred from it. */
export const indicatorItem = z.object({
  stateCode: state,
  stateName: z.string(),
  dueCount: z.number().int(),
  transposedCount: z.number().int(),
  notTransposedCount: z.number().int(),
  deficit: z.number().nullable().describe("Share of the instruments due whose complete transposition is not notified (Scoreboard-style, not official)"),
  deficitRating: z.enum(["green", "yellow", "red"]).nullable(),
  change: z.number().int().nullable(),
  longOverdue: z.number().int(),
  totalDelayMonths: z.number().nullable(),
  conformityDeficit: z.number().nullable(),
  overallScore: z.number().int().nullable(),
  overallBand: z.enum(["above_average", "average", "below_average"]).nullable(),
  coverage: z.number().nullable(),
  openInfringements: z.number().int(),
});

export type IndicatorRow = z.infer<typeof indicatorItem>;

/** In-memory rows: `sortSql` is unused for SQL, but marks the column sortable (the API sorts these rows by the column's value). */
const inMemory = sql`1`;

/** An indicator's column as the catalogue declares it: the id and header are the indicator's own. */
function indicatorColumn(indicator: Indicator, value: (r: IndicatorRow) => PlainValue, sortable = true): ColumnSpec<IndicatorRow> {
  return { id: indicator.column.id, header: indicator.column.header, ...(sortable ? { sortSql: inMemory } : {}), value };
}

export const indicatorColumns: ColumnSpec<IndicatorRow>[] = [
  { id: "state", header: "Member State", sortSql: inMemory, value: (r) => r.stateCode },
  { id: "due", header: "Instruments due", value: (r) => r.dueCount },
  { id: "transposed", header: "Notified as transposed", value: (r) => r.transposedCount },
  { id: "not_transposed", header: "Not transposed", value: (r) => r.notTransposedCount },
  indicatorColumn(INDICATORS.deficit, (r) => r.deficit),
  { id: "deficit_rating", header: "Deficit rating", value: (r) => r.deficitRating },
  indicatorColumn(INDICATORS.change, (r) => r.change, false),
  indicatorColumn(INDICATORS.long_overdue, (r) => r.longOverdue),
  indicatorColumn(INDICATORS.total_delay, (r) => r.totalDelayMonths),
  indicatorColumn(INDICATORS.conformity, (r) => r.conformityDeficit),
  indicatorColumn(INDICATORS.overall, (r) => r.overallScore),
  { id: "overall_band", header: "Overall", value: (r) => r.overallBand },
  indicatorColumn(INDICATORS.coverage, (r) => r.coverage),
  indicatorColumn(INDICATORS.infringements, (r) => r.openInfringements),
];

export const indicatorsSpec: TableSpec<IndicatorRow> = {
  path: "/charts",
  columns: indicatorColumns,
  filters: ["state"],
  defaultSort: { id: "state", desc: false },
};
