/**
 * The national-measures table, declared once: the select, the row type inferred from it, the filters, the
 * columns (sort allow-list, page, CSV) and the API item. The page (app/measures), the JSON API and the CSV
 * export (db/queries/export.ts, server/export/registry.ts) all read this module.
 */
import { eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { measureCountsAsOf } from "@/db/as-of";
import type { Db } from "@/db/client";
import { matchingIdsSql } from "@/db/queries/search";
import { dateRange } from "@/db/queries/table-helpers";
import { instruments, measureInstruments, memberStates, nationalMeasures, notifications } from "@/db/schema";
import { celex, jsonList, nullableDate, state, verification, type Fields, type RowOf } from "@/db/tables/fields";
import type { AsOf } from "@/lib/as-of";
import { toPartialDateText } from "@/lib/partial-date";
import type { TableQuery, TableSpec } from "@/lib/table-state";
import type { ColumnSpec } from "@/lib/table-types";
import { measureStatuses, measureTypes } from "@/lib/vocabulary";

const isPrincipal = sql`exists (select 1 from ${notifications} n where n.principal_measure_id = ${nationalMeasures.id})`.mapWith(Boolean);

/** A row's own fields (from national_measures joined to its Member State). */
export const measureFields = {
  id: nationalMeasures.id,
  key: nationalMeasures.key,
  stateCode: nationalMeasures.stateCode,
  stateName: memberStates.name,
  titleOriginal: nationalMeasures.titleOriginal,
  titleEnglish: nationalMeasures.titleEnglish,
  workingTitleFr: nationalMeasures.workingTitleFr,
  workingTitleDe: nationalMeasures.workingTitleDe,
  language: nationalMeasures.language,
  type: nationalMeasures.type,
  nationalIdentifier: nationalMeasures.nationalIdentifier,
  adoptedOn: nationalMeasures.adoptedOn,
  adoptedOnPrecision: nationalMeasures.adoptedOnPrecision,
  inForceOn: nationalMeasures.inForceOn,
  inForceOnPrecision: nationalMeasures.inForceOnPrecision,
  notifiedOn: nationalMeasures.notifiedOn,
  notifiedOnPrecision: nationalMeasures.notifiedOnPrecision,
  repealedOn: nationalMeasures.repealedOn,
  repealedOnPrecision: nationalMeasures.repealedOnPrecision,
  status: nationalMeasures.status,
  verification: nationalMeasures.verification,
  isPrincipal,
};

/** The lists of a row, as JSON subqueries (the export's one statement); the page loads them by a second query. */
export const measureListFields = {
  instruments:
    sql`(select json_group_array(json_object('celex', x.celex, 'shortName', x.short_name)) from (select i.celex, i.short_name from ${measureInstruments} mi join ${instruments} i on i.id = mi.instrument_id where mi.measure_id = ${nationalMeasures.id} order by i.adoption_date) x)`.mapWith(
      jsonList<{ celex: string; shortName: string }>(),
    ),
};

export type MeasureRow = RowOf<typeof measureFields & typeof measureListFields>;

/** The FROM of every select of the table's rows. */
export function selectMeasures<F extends Fields>(db: Db, fields: F) {
  return db.select(fields).from(nationalMeasures).innerJoin(memberStates, eq(memberStates.code, nationalMeasures.stateCode));
}

/** The WHERE of the measures table; the page's count and rows and the API and CSV share it. */
export function measureConditions(query: TableQuery, asOf: AsOf): SQL[] {
  const where: SQL[] = [measureCountsAsOf(asOf)];
  if (query.state.length) where.push(inArray(nationalMeasures.stateCode, query.state));
  if (query.instrument)
    where.push(
      // An IN over the instrument's measures, not a correlated EXISTS per measure (issue 8 bench: 155 ms → index lookup).
      sql`${nationalMeasures.id} in (select mi.measure_id from ${measureInstruments} mi join ${instruments} i on i.id = mi.instrument_id where i.celex = ${query.instrument})`,
    );
  if (query.status.length) where.push(sql`${nationalMeasures.status} in ${query.status}`);
  if (query.type.length) where.push(sql`${nationalMeasures.type} in ${query.type}`);
  if (query.verification) where.push(sql`${nationalMeasures.verification} = ${query.verification}`);
  if (query.principal !== null) where.push(query.principal ? sql`${isPrincipal}` : sql`not ${isPrincipal}`);
  if (query.q) {
    const ids = matchingIdsSql("measure", query.q);
    where.push(ids ? sql`${nationalMeasures.id} in ${ids}` : sql`0`);
  }
  where.push(
    ...dateRange(nationalMeasures.adoptedOn, query.adopted),
    ...dateRange(nationalMeasures.inForceOn, query.inForce),
    ...dateRange(nationalMeasures.notifiedOn, query.notified),
  );
  return where;
}

/** The columns of the page and the CSV, in order; those with `sortSql` are the sort allow-list. */
export const measureColumns: ColumnSpec<MeasureRow>[] = [
  // The key correspondences cite (transpositions.csv `measures`), so the two exports join.
  { id: "key", header: "Key", sortSql: nationalMeasures.key, value: (r) => r.key, hiddenByDefault: true },
  { id: "title", header: "Title (original)", sortSql: sql`${nationalMeasures.titleOriginal} collate nocase`, value: (r) => r.titleOriginal },
  { id: "title_english", header: "Title (English)", value: (r) => r.titleEnglish },
  // Working titles for the French and German interface (issue #18): the inventory's, not official.
  { id: "working_title_fr", header: "Working title (French)", value: (r) => r.workingTitleFr, hiddenByDefault: true },
  { id: "working_title_de", header: "Working title (German)", value: (r) => r.workingTitleDe, hiddenByDefault: true },
  { id: "state", header: "Member State", sortSql: nationalMeasures.stateCode, value: (r) => r.stateCode },
  { id: "instruments", header: "Transposes", value: (r) => r.instruments.map((i) => i.celex).join(" ") },
  { id: "type", header: "Type", sortSql: nationalMeasures.type, value: (r) => r.type, hiddenByDefault: true },
  { id: "national_identifier", header: "National identifier", value: (r) => r.nationalIdentifier, hiddenByDefault: true },
  { id: "adopted_on", header: "Adopted", sortSql: nationalMeasures.adoptedOn, value: (r) => toPartialDateText(r.adoptedOn, r.adoptedOnPrecision) },
  { id: "in_force_on", header: "In force", sortSql: nationalMeasures.inForceOn, value: (r) => toPartialDateText(r.inForceOn, r.inForceOnPrecision) },
  {
    id: "notified_on",
    header: "Notified",
    sortSql: nationalMeasures.notifiedOn,
    value: (r) => toPartialDateText(r.notifiedOn, r.notifiedOnPrecision),
    hiddenByDefault: true,
  },
  {
    id: "repealed_on",
    header: "Repealed",
    sortSql: nationalMeasures.repealedOn,
    value: (r) => toPartialDateText(r.repealedOn, r.repealedOnPrecision),
    hiddenByDefault: true,
  },
  { id: "status", header: "Status", sortSql: nationalMeasures.status, value: (r) => r.status },
  { id: "principal", header: "Principal", value: (r) => r.isPrincipal },
  { id: "verification", header: "Verification", sortSql: nationalMeasures.verification, value: (r) => r.verification },
];

export const measuresSpec: TableSpec<MeasureRow> = {
  path: "/measures",
  columns: measureColumns,
  filters: ["state", "instrument", "status", "type", "principal", "verification", "q", "adopted", "in_force", "notified"],
  statuses: measureStatuses,
  defaultSort: { id: "adopted_on", desc: true },
};

/** One row of GET /api/v1/measures, as the OpenAPI document describes it (the dates' precisions are served, not documented). */
export const measureItem = z.object({
  id: z.number().int(),
  key: z.string(),
  stateCode: state,
  stateName: z.string(),
  titleOriginal: z.string().describe("Official title in the original language"),
  titleEnglish: z.string().nullable().describe("English working translation"),
  workingTitleFr: z.string().nullable().describe("French working title, shown in the French interface: the inventory's, not an official translation"),
  workingTitleDe: z.string().nullable().describe("German working title, shown in the German interface: the inventory's, not an official translation"),
  language: z.string(),
  type: z.enum(measureTypes),
  nationalIdentifier: z.string().nullable(),
  adoptedOn: nullableDate,
  inForceOn: nullableDate,
  notifiedOn: nullableDate,
  repealedOn: nullableDate,
  status: z.enum(measureStatuses),
  verification,
  isPrincipal: z.boolean(),
  instruments: z.array(z.object({ celex, shortName: z.string() })),
});
