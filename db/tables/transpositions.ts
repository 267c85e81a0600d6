/**
 * The correspondences table (Member State × provision), declared once: the select, the row type inferred from it,
 * the filters, the columns (sort allow-list, page, CSV), the CSV cells in SQL and the API item. The page
 * (app/transpositions), the JSON API and the CSV export all read this module.
 */
import { eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { instrumentCountsAsOf, measureCountsAsOfAlias, transpositionCountsAsOf, windowCountsAsOf } from "@/db/as-of";
import type { Db } from "@/db/client";
import { matchingIdsSql } from "@/db/queries/search";
import { instruments, memberStates, nationalMeasures, provisions, transpositionMeasures, transpositions } from "@/db/schema";
import { celex, jsonList, state, verification, type Fields, type RowOf, type RowsSelect } from "@/db/tables/fields";
import { provisionObligationConditions } from "@/db/tables/provisions";
import type { AsOf } from "@/lib/as-of";
import type { TableQuery, TableSpec } from "@/lib/table-state";
import type { ColumnSpec } from "@/lib/table-types";
import { provisionKinds, transpositionRelations, transpositionStatuses } from "@/lib/vocabulary";

/** A row's own fields (the correspondence with its provision, instrument and Member State). */
export const transpositionFields = {
  id: transpositions.id,
  stateCode: transpositions.stateCode,
  stateName: memberStates.name,
  celex: instruments.celex,
  shortName: instruments.shortName,
  provisionId: provisions.id,
  provisionKind: provisions.kind,
  provisionNumber: provisions.number,
  provisionHeading: provisions.heading,
  status: transpositions.status,
  relation: transpositions.relation,
  nationalProvision: transpositions.nationalProvision,
  note: transpositions.note,
  assessedAt: transpositions.assessedAt,
  verification: transpositions.verification,
};

/** The lists of a row, as JSON subqueries (the export's one statement); the page loads them by a second query. */
export const transpositionListFields = {
  measures:
    sql`(select json_group_array(json_object('key', x.key, 'titleOriginal', x.title_original, 'language', x.language)) from (select m.key, m.title_original, m.language from ${transpositionMeasures} tm join ${nationalMeasures} m on m.id = tm.measure_id where tm.transposition_id = ${transpositions.id} order by m.id) x)`.mapWith(
      jsonList<{ key: string; titleOriginal: string; language: string }>(),
    ),
};

export type TranspositionRow = RowOf<typeof transpositionFields & typeof transpositionListFields>;

/** The FROM of every select of the table's rows. */
export function selectTranspositions<F extends Fields>(db: Db, fields: F): RowsSelect<RowOf<F>> {
  const rows = selectTranspositionCells(db, fields as Fields).innerJoin(memberStates, eq(memberStates.code, transpositions.stateCode));
  return rows as unknown as RowsSelect<RowOf<F>>;
}

/**
 * The correspondences with their provision and instrument, without the state's name: the CSV export's cells
 * (`transpositionCsvCells`) and the views' conditions need no more; over 3 million rows the join to the states
 * was about 5 % of the export query's CPU time in `sqlite3`.
 */
export function selectTranspositionCells(db: Db, fields: Fields) {
  return db
    .select(fields)
    .from(transpositions)
    .innerJoin(provisions, eq(provisions.id, transpositions.provisionId))
    .innerJoin(instruments, eq(instruments.id, provisions.instrumentId));
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE of a correspondence view. `measureRule: false` leaves out the
 * per-row check of the cited measures (transpositionCountsAsOf), for a caller
 * that applies it itself (the CSV export decides it with the measures cell).
 */
export function transpositionConditions(query: TableQuery, asOf: AsOf, options: { measureRule?: boolean } = {}): SQL[] {
  return [instrumentCountsAsOf(asOf), ...transpositionRowConditions(query, asOf, options)];
}

/** The conditions on the correspondence row itself (all but its instrument's adoption); the per-row "as of" check goes last, after the cheap filters. */
export function transpositionRowConditions(query: TableQuery, asOf: AsOf, { measureRule = true }: { measureRule?: boolean } = {}): SQL[] {
  const where: SQL[] = [];
  if (query.state.length) where.push(inArray(transpositions.stateCode, query.state));
  // As a subquery on the provision ids, so the planner starts from the instrument's few provisions (issue 8 bench).
  if (query.instrument)
    where.push(
      sql`${transpositions.provisionId} in (select p.id from ${provisions} p join ${instruments} i on i.id = p.instrument_id where i.celex = ${query.instrument})`,
    );
  // With an instrument, its few provisions are the best start: the unary + keeps the planner off transpositions_status_state (29 ms → 0.1 ms at scale).
  if (query.status.length) where.push(query.instrument ? sql`+${transpositions.status} in ${query.status}` : sql`${transpositions.status} in ${query.status}`);
  if (query.relation.length) where.push(sql`${transpositions.relation} in ${query.relation}`);
  if (query.verification) where.push(sql`${transpositions.verification} = ${query.verification}`);
  where.push(...provisionObligationConditions(transpositions.provisionId as never, query));
  if (query.q) {
    const provisionIds = matchingIdsSql("provision", query.q);
    const measureIds = matchingIdsSql("measure", query.q);
    const parts: SQL[] = [sql`${transpositions.nationalProvision} like ${likePattern(query.q)} escape '\\'`];
    if (provisionIds) parts.push(sql`${transpositions.provisionId} in ${provisionIds}`);
    if (measureIds)
      parts.push(
        sql`exists (select 1 from ${transpositionMeasures} tmq where tmq.transposition_id = ${transpositions.id} and tmq.measure_id in ${measureIds})`,
      );
    where.push(sql`(${sql.join(parts, sql` or `)})`);
  }
  if (measureRule) where.push(transpositionCountsAsOf(asOf));
  return where;
}

/** The columns of the page and the CSV, in order; those with `sortSql` are the sort allow-list. */
export const transpositionColumns: ColumnSpec<TranspositionRow>[] = [
  { id: "state", header: "Member State", sortSql: transpositions.stateCode, value: (r) => r.stateCode },
  { id: "instrument", header: "Instrument", sortSql: sql`${instruments.adoptionDate}`, value: (r) => r.celex },
  {
    id: "provision",
    header: "Provision",
    sortSql: sql`${provisions.instrumentId}, ${provisions.position}`,
    value: (r) => `${r.provisionKind === "annex" ? "Annex" : "Art."} ${r.provisionNumber}`,
  },
  { id: "heading", header: "Heading", value: (r) => r.provisionHeading, hiddenByDefault: true },
  { id: "status", header: "Status", sortSql: transpositions.status, value: (r) => r.status },
  { id: "relation", header: "Relation", sortSql: transpositions.relation, value: (r) => r.relation },
  { id: "national_provision", header: "National provision", sortSql: transpositions.nationalProvision, value: (r) => r.nationalProvision },
  { id: "measures", header: "National measures", value: (r) => r.measures.map((m) => m.key).join(" ") },
  { id: "note", header: "Assessment note", value: (r) => r.note, hiddenByDefault: true },
  { id: "assessed_at", header: "Assessed", sortSql: transpositions.assessedAt, value: (r) => r.assessedAt, hiddenByDefault: true },
  { id: "verification", header: "Verification", sortSql: transpositions.verification, value: (r) => r.verification },
];

/** The sort columns whose `sortSql` is a list: the API's keyset compares each part. */
export const transpositionKeyset = { provision: [provisions.instrumentId, provisions.position] };

/**
 * The CSV cells in SQL, by column id, each exactly the column's `value` (a column without one falls back to `value`,
 * row by row). `measures` also decides the as-of rule (transpositionCountsAsOf: no measure cited, or a cited measure
 * counts): NULL when the row does not count, else the keys ('' for none) — from the row's window (migration 0008)
 * when its measures are one, else in the same pass over its measures. The keys are ordered by `tm.measure_id`
 * (= m.id), which the primary key (transposition_id, measure_id) yields without a sort.
 */
export function transpositionCsvCells(asOf: AsOf): Fields {
  return {
    state: transpositions.stateCode,
    instrument: instruments.celex,
    provision: sql`(case when ${provisions.kind} = 'annex' then 'Annex ' else 'Art. ' end || ${provisions.number})`,
    heading: provisions.heading,
    status: transpositions.status,
    relation: transpositions.relation,
    national_provision: transpositions.nationalProvision,
    measures: sql`(case when ${transpositions.countsByWindow}
        then (case when ${windowCountsAsOf(asOf)} then (select coalesce(group_concat(x.key, ' '), '') from (select m.key from ${transpositionMeasures} tm join ${nationalMeasures} m on m.id = tm.measure_id where tm.transposition_id = ${transpositions.id} order by tm.measure_id) x) end)
        else (select case when count(*) = 0 or max(x.counts) = 1 then coalesce(group_concat(x.key, ' '), '') end from (select m.key, case when m.id is not null and ${measureCountsAsOfAlias("m", asOf)} then 1 else 0 end counts from ${transpositionMeasures} tm left join ${nationalMeasures} m on m.id = tm.measure_id where tm.transposition_id = ${transpositions.id} order by tm.measure_id) x)
        end)`,
    note: transpositions.note,
    assessed_at: transpositions.assessedAt,
    verification: transpositions.verification,
  };
}

export const transpositionsSpec: TableSpec<TranspositionRow> = {
  path: "/transpositions",
  columns: transpositionColumns,
  filters: ["state", "instrument", "status", "relation", "property", "obligation", "addressee", "verification", "q"],
  statuses: transpositionStatuses,
  defaultSort: { id: "state", desc: false },
};

/** One row of GET /api/v1/transpositions, as the OpenAPI document describes it. */
export const transpositionItem = z.object({
  id: z.number().int(),
  stateCode: state,
  stateName: z.string(),
  celex,
  shortName: z.string(),
  provisionId: z.number().int(),
  provisionKind: z.enum(provisionKinds),
  provisionNumber: z.string(),
  provisionHeading: z.string(),
  status: z.enum(transpositionStatuses),
  relation: z.enum(transpositionRelations).nullable(),
  nationalProvision: z.string().nullable(),
  note: z.string().nullable(),
  assessedAt: z.string().nullable(),
  verification,
  measures: z.array(z.object({ key: z.string(), titleOriginal: z.string(), language: z.string() })),
});
