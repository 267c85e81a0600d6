/**
 * The provisions table (articles and annexes), declared once: the select, the row type inferred from it, the
 * filters, the columns (sort allow-list, page, CSV) and the API item. The page (app/provisions), the JSON API and
 * the CSV export all read this module.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { instrumentCountsAsOf, transpositionCountsAsOf } from "@/db/as-of";
import type { Db } from "@/db/client";
import { matchingIdsSql } from "@/db/queries/search";
import { instruments, obligations, obligationSecurityProperties, provisionObligations, provisions, transpositions } from "@/db/schema";
import { celex, nullableDate, verification, type Fields, type RowOf } from "@/db/tables/fields";
import type { AsOf } from "@/lib/as-of";
import type { TableQuery, TableSpec } from "@/lib/table-state";
import type { ColumnSpec } from "@/lib/table-types";
import { provisionKinds } from "@/lib/vocabulary";

/** A row's own fields (the provision with its instrument). */
export const provisionFields = {
  id: provisions.id,
  celex: instruments.celex,
  shortName: instruments.shortName,
  kind: provisions.kind,
  number: provisions.number,
  heading: provisions.heading,
  summary: provisions.summary,
  requiresTransposition: provisions.requiresTransposition,
  securityRelevant: provisions.securityRelevant,
  deadline: provisions.deadline,
  verification: provisions.verification,
};

/**
 * The counts of a row, as subqueries (the export's one statement); the page counts its rows by grouped queries.
 * `fullCount`: correspondences recorded as `full`, among the states in the filter (all states without one).
 */
export function provisionCountFields(query: TableQuery, asOf: AsOf) {
  const counted = and(
    eq(transpositions.provisionId, provisions.id),
    transpositionCountsAsOf(asOf),
    ...(query.state.length ? [inArray(transpositions.stateCode, query.state)] : []),
  );
  return {
    obligationCount: sql`(select count(*) from ${provisionObligations} po where po.provision_id = ${provisions.id})`.mapWith(Number),
    fullCount: sql`(select count(*) from ${transpositions} where ${counted} and ${transpositions.status} = 'full')`.mapWith(Number),
    assessedCount: sql`(select count(*) from ${transpositions} where ${counted} and ${transpositions.status} <> 'unknown')`.mapWith(Number),
  };
}

export type ProvisionRow = RowOf<typeof provisionFields & ReturnType<typeof provisionCountFields>>;

/** The FROM of every select of the table's rows. */
export function selectProvisions<F extends Fields>(db: Db, fields: F) {
  return db.select(fields).from(provisions).innerJoin(instruments, eq(instruments.id, provisions.instrumentId));
}

export function provisionConditions(query: TableQuery, asOf: AsOf): SQL[] {
  const where: SQL[] = [instrumentCountsAsOf(asOf)];
  if (query.instrument) where.push(eq(instruments.celex, query.instrument));
  if (query.verification) where.push(sql`${provisions.verification} = ${query.verification}`);
  where.push(...provisionObligationConditions(provisions.id as never, query));
  if (query.q) {
    const ids = matchingIdsSql("provision", query.q);
    where.push(ids ? sql`${provisions.id} in ${ids}` : sql`0`);
  }
  return where;
}

/** Obligation-based filters on a provision id expression, shared by the transpositions and provisions tables. */
export function provisionObligationConditions(provisionId: SQL | typeof provisions.id, query: TableQuery): SQL[] {
  const where: SQL[] = [];
  if (query.property.length)
    where.push(
      sql`exists (select 1 from ${provisionObligations} po join ${obligationSecurityProperties} osp on osp.obligation_id = po.obligation_id where po.provision_id = ${provisionId} and osp.property in ${query.property})`,
    );
  if (query.obligation)
    where.push(
      sql`exists (select 1 from ${provisionObligations} po join ${obligations} o on o.id = po.obligation_id where po.provision_id = ${provisionId} and o.key = ${query.obligation})`,
    );
  if (query.addressee.length)
    where.push(
      sql`exists (select 1 from ${provisionObligations} po join ${obligations} o on o.id = po.obligation_id where po.provision_id = ${provisionId} and o.addressee in ${query.addressee})`,
    );
  return where;
}

/** The columns of the page and the CSV, in order; those with `sortSql` are the sort allow-list. */
export const provisionColumns: ColumnSpec<ProvisionRow>[] = [
  { id: "instrument", header: "Instrument", sortSql: instruments.adoptionDate, value: (r) => r.celex },
  {
    id: "number",
    header: "Provision",
    sortSql: sql`${provisions.instrumentId}, ${provisions.position}`,
    value: (r) => `${r.kind === "annex" ? "Annex" : "Art."} ${r.number}`,
  },
  { id: "heading", header: "Heading", sortSql: sql`${provisions.heading} collate nocase`, value: (r) => r.heading },
  { id: "summary", header: "Summary", value: (r) => r.summary, hiddenByDefault: true },
  { id: "requires_transposition", header: "Requires transposition", value: (r) => r.requiresTransposition },
  { id: "deadline", header: "Own deadline", sortSql: provisions.deadline, value: (r) => r.deadline, hiddenByDefault: true },
  { id: "obligations", header: "Obligations", value: (r) => r.obligationCount },
  { id: "full", header: "States full", value: (r) => r.fullCount },
  { id: "assessed", header: "States assessed", value: (r) => r.assessedCount },
  { id: "verification", header: "Verification", sortSql: provisions.verification, value: (r) => r.verification },
];

/** The sort columns whose `sortSql` is a list: the API's keyset compares each part. */
export const provisionKeyset = { number: [provisions.instrumentId, provisions.position] };

export const provisionsSpec: TableSpec<ProvisionRow> = {
  path: "/provisions",
  columns: provisionColumns,
  filters: ["state", "instrument", "property", "obligation", "addressee", "verification", "q"],
  defaultSort: { id: "number", desc: false },
};

/** One row of GET /api/v1/provisions, as the OpenAPI document describes it. */
export const provisionItem = z.object({
  id: z.number().int(),
  celex,
  shortName: z.string(),
  kind: z.enum(provisionKinds),
  number: z.string(),
  heading: z.string(),
  summary: z.string(),
  requiresTransposition: z.boolean(),
  securityRelevant: z.boolean(),
  deadline: nullableDate,
  verification,
  obligationCount: z.number().int(),
  fullCount: z.number().int().describe("Correspondences recorded as full, among the states of the `state` filter (all states without one)"),
  assessedCount: z.number().int(),
});
