/**
 * The obligations table (security duties imposed by provisions), declared once: the select, the row type
 * inferred from it, the filters, the columns (sort allow-list, page, CSV) and the API item. The page
 * (app/obligations), the JSON API and the CSV export all read this module.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { transpositionCountsAsOf } from "@/db/as-of";
import type { Db } from "@/db/client";
import { matchingIdsSql } from "@/db/queries/search";
import {
  instruments,
  obligations,
  obligationSecurityProperties,
  obligationThreats,
  provisionObligations,
  provisions,
  sources,
  transpositions,
} from "@/db/schema";
import { celex, jsonList, verification, type Fields, type RowOf } from "@/db/tables/fields";
import type { AsOf } from "@/lib/as-of";
import type { TableQuery, TableSpec } from "@/lib/table-state";
import type { ColumnSpec } from "@/lib/table-types";
import { addressees, provisionKinds, securityProperties, threatCategories } from "@/lib/vocabulary";

type SecurityProperty = (typeof securityProperties)[number];
type ThreatCategory = (typeof threatCategories)[number];

/** A row's own fields. */
export const obligationFields = {
  id: obligations.id,
  key: obligations.key,
  duty: obligations.duty,
  addressee: obligations.addressee,
  verification: obligations.verification,
};

/** Qualified: a single-table select renders its columns bare, which a subquery with its own `id` would capture. */
const obligationId = sql`${sql.identifier("obligations")}.${sql.identifier("id")}`;

export interface ImposingProvision {
  id: number;
  celex: string;
  shortName: string;
  kind: (typeof provisionKinds)[number];
  number: string;
}

/**
 * The lists and the count of a row, as subqueries (the export's one statement); the page loads them by further
 * queries. `statesCovering`: states with a `full` correspondence for at least one provision imposing it.
 */
export function obligationListFields(query: TableQuery, asOf: AsOf) {
  return {
    securityProperties:
      sql`(select json_group_array(x.property) from (select osp.property from ${obligationSecurityProperties} osp where osp.obligation_id = ${obligationId} order by osp.rowid) x)`.mapWith(
        jsonList<SecurityProperty>(),
      ),
    threats:
      sql`(select json_group_array(x.threat) from (select ot.threat from ${obligationThreats} ot where ot.obligation_id = ${obligationId} order by ot.rowid) x)`.mapWith(
        jsonList<ThreatCategory>(),
      ),
    provisions:
      sql`(select json_group_array(json_object('id', x.id, 'celex', x.celex, 'shortName', x.short_name, 'kind', x.kind, 'number', x.number)) from (select p.id, i.celex, i.short_name, p.kind, p.number from ${provisionObligations} po join ${provisions} p on p.id = po.provision_id join ${instruments} i on i.id = p.instrument_id where po.obligation_id = ${obligationId} order by i.adoption_date, p.position) x)`.mapWith(
        jsonList<ImposingProvision>(),
      ),
    statesCovering:
      sql`(select count(distinct ${transpositions.stateCode}) from ${provisionObligations} pc join ${transpositions} on ${transpositions.provisionId} = pc.provision_id where pc.obligation_id = ${obligationId} and ${transpositions.status} = 'full' and ${and(transpositionCountsAsOf(asOf), ...(query.state.length ? [inArray(transpositions.stateCode, query.state)] : []))})`.mapWith(
        Number,
      ),
  };
}

export type ObligationRow = RowOf<typeof obligationFields & ReturnType<typeof obligationListFields>>;

/** The FROM of the export's select: joined to its (required) source only so drizzle qualifies every column (bare names would be captured by the subqueries). */
export function selectObligations<F extends Fields>(db: Db, fields: F) {
  return db.select(fields).from(obligations).innerJoin(sources, eq(sources.id, obligations.sourceId));
}

/** Obligations count as of a date when a provision imposing them counts, or none is recorded (lib/as-of.ts). */
export function obligationCountsAsOf(asOf: AsOf): SQL {
  return sql`(not exists (select 1 from ${provisionObligations} po0 where po0.obligation_id = ${obligations.id})
    or exists (select 1 from ${provisionObligations} po1 join ${provisions} p1 on p1.id = po1.provision_id join ${instruments} i1 on i1.id = p1.instrument_id where po1.obligation_id = ${obligations.id} and i1.adoption_date <= ${asOf.date}))`;
}

export function obligationConditions(query: TableQuery, asOf: AsOf): SQL[] {
  const where: SQL[] = [obligationCountsAsOf(asOf)];
  if (query.addressee.length) where.push(sql`${obligations.addressee} in ${query.addressee}`);
  if (query.verification) where.push(sql`${obligations.verification} = ${query.verification}`);
  if (query.property.length)
    where.push(
      sql`exists (select 1 from ${obligationSecurityProperties} osp where osp.obligation_id = ${obligations.id} and osp.property in ${query.property})`,
    );
  if (query.instrument)
    where.push(
      sql`exists (select 1 from ${provisionObligations} po join ${provisions} p on p.id = po.provision_id join ${instruments} i on i.id = p.instrument_id where po.obligation_id = ${obligations.id} and i.celex = ${query.instrument})`,
    );
  if (query.q) {
    const ids = matchingIdsSql("obligation", query.q);
    where.push(ids ? sql`${obligations.id} in ${ids}` : sql`0`);
  }
  return where;
}

/** The columns of the page and the CSV, in order; those with `sortSql` are the sort allow-list. */
export const obligationColumns: ColumnSpec<ObligationRow>[] = [
  { id: "duty", header: "Obligation", sortSql: sql`${obligations.duty} collate nocase`, value: (r) => r.duty },
  { id: "key", header: "Key", sortSql: obligations.key, value: (r) => r.key, hiddenByDefault: true },
  { id: "addressee", header: "Addressee", sortSql: obligations.addressee, value: (r) => r.addressee },
  { id: "properties", header: "Security properties", value: (r) => r.securityProperties.join(" ") },
  { id: "threats", header: "Threats", value: (r) => r.threats.join(" "), hiddenByDefault: true },
  {
    id: "provisions",
    header: "Imposed by",
    value: (r) => r.provisions.map((p) => `${p.celex} ${p.kind === "annex" ? "Annex" : "Art."} ${p.number}`).join("; "),
  },
  { id: "states", header: "States covering", value: (r) => r.statesCovering },
  { id: "verification", header: "Verification", sortSql: obligations.verification, value: (r) => r.verification },
];

export const obligationsSpec: TableSpec<ObligationRow> = {
  path: "/obligations",
  columns: obligationColumns,
  filters: ["state", "instrument", "property", "addressee", "verification", "q"],
  defaultSort: { id: "addressee", desc: false },
};

/** One row of GET /api/v1/obligations, as the OpenAPI document describes it. */
export const obligationItem = z.object({
  id: z.number().int(),
  key: z.string(),
  duty: z.string(),
  addressee: z.enum(addressees),
  verification,
  securityProperties: z.array(z.enum(securityProperties)),
  threats: z.array(z.enum(threatCategories)),
  provisions: z.array(z.object({ id: z.number().int(), celex, shortName: z.string(), kind: z.enum(provisionKinds), number: z.string() })),
  statesCovering: z.number().int(),
});
