/**
 * The infringements table (the Commission's proceedings against a Member State over an instrument), declared once:
 * the select, the row type inferred from it, the filters, the columns (sort allow-list, CSV) and the API item. It has
 * no browse page; the JSON API and the CSV export read this module.
 */
import { eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { instrumentCountsAsOf } from "@/db/as-of";
import type { Db } from "@/db/client";
import { infringements, instruments } from "@/db/schema";
import { celex, jsonList, nullableDate, state, verification, type Fields, type RowOf } from "@/db/tables/fields";
import { inStates } from "@/db/queries/table-helpers";
import { todayIso, type AsOf } from "@/lib/as-of";
import type { TableQuery, TableSpec } from "@/lib/table-state";
import type { ColumnSpec } from "@/lib/table-types";
import { infringementStages, infringementTypes } from "@/lib/vocabulary";

type Stage = { stage: (typeof infringementStages)[number]; date: string | null };

/** The date of the earliest dated stage: when the proceeding is known to have started. */
const startedOn = sql<string | null>`(select min(s.date) from infringement_stages s where s.infringement_id = ${infringements.id})`;

export const infringementFields = {
  id: infringements.id,
  stateCode: infringements.stateCode,
  celex: instruments.celex,
  shortName: instruments.shortName,
  type: infringements.type,
  procedureNumber: infringements.procedureNumber,
  courtCase: infringements.courtCase,
  outcome: infringements.outcome,
  startedOn,
  stages:
    sql`(select json_group_array(json_object('stage', x.stage, 'date', x.date)) from (select s.stage, s.date from infringement_stages s where s.infringement_id = ${infringements.id} order by s.date is null, s.date, s.id) x)`.mapWith(
      jsonList<Stage>(),
    ),
  verification: infringements.verification,
};

export type InfringementRow = RowOf<typeof infringementFields>;

/** The FROM of every select of the table's rows. */
export function selectInfringements<F extends Fields>(db: Db, fields: F) {
  return db.select(fields).from(infringements).innerJoin(instruments, eq(instruments.id, infringements.instrumentId));
}

/** A proceeding counts from its first dated stage; one with no dated stage counts in views of today or later. */
export function infringementConditions(query: TableQuery, asOf: AsOf): SQL[] {
  const started = asOf.date >= todayIso() ? sql`(${startedOn} is null or ${startedOn} <= ${asOf.date})` : sql`${startedOn} <= ${asOf.date}`;
  const where: SQL[] = [instrumentCountsAsOf(asOf), started, ...inStates(infringements.stateCode, query)];
  if (query.instrument) where.push(eq(instruments.celex, query.instrument));
  if (query.verification) where.push(sql`${infringements.verification} = ${query.verification}`);
  return where;
}

export const infringementColumns: ColumnSpec<InfringementRow>[] = [
  { id: "state", header: "Member State", sortSql: infringements.stateCode, value: (r) => r.stateCode },
  { id: "instrument", header: "Instrument", sortSql: instruments.adoptionDate, value: (r) => r.celex },
  { id: "type", header: "Type", sortSql: infringements.type, value: (r) => r.type },
  { id: "procedure_number", header: "Procedure number", value: (r) => r.procedureNumber },
  { id: "court_case", header: "Court case", sortSql: infringements.courtCase, value: (r) => r.courtCase },
  { id: "started_on", header: "Started", sortSql: startedOn, value: (r) => r.startedOn },
  { id: "stages", header: "Stages", value: (r) => r.stages.map((s) => `${s.stage}${s.date ? ` ${s.date}` : ""}`).join("; ") },
  { id: "outcome", header: "Outcome", value: (r) => r.outcome },
  { id: "verification", header: "Verification", sortSql: infringements.verification, value: (r) => r.verification },
];

export const infringementsSpec: TableSpec<InfringementRow> = {
  path: "/api/v1/infringements",
  columns: infringementColumns,
  filters: ["state", "instrument", "verification"],
  defaultSort: { id: "state", desc: false },
};

/** One row of GET /api/v1/infringements. */
export const infringementItem = z.object({
  id: z.number().int(),
  stateCode: state,
  celex,
  shortName: z.string(),
  type: z.enum(infringementTypes),
  procedureNumber: z.string().nullable(),
  courtCase: z.string().nullable(),
  outcome: z.string().nullable(),
  startedOn: nullableDate,
  stages: z.array(z.object({ stage: z.enum(infringementStages), date: nullableDate })),
  verification,
});
