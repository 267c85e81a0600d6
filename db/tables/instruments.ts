/**
 * The instruments table (directives and regulations), declared once: the select, the row type inferred from it, the
 * filters, the columns (sort allow-list, CSV) and the API item. The JSON API and the CSV export read this module
 * (the /instruments page is a summary of its own, db/queries/instruments.ts).
 */
import { eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { instrumentCountsAsOf } from "@/db/as-of";
import type { Db } from "@/db/client";
import { instruments } from "@/db/schema";
import { celex, date, nullableDate, verification, type Fields, type RowOf } from "@/db/tables/fields";
import type { AsOf } from "@/lib/as-of";
import type { TableQuery, TableSpec } from "@/lib/table-state";
import type { ColumnSpec } from "@/lib/table-types";
import { instrumentTypes } from "@/lib/vocabulary";

export const instrumentFields = {
  id: instruments.id,
  celex: instruments.celex,
  type: instruments.type,
  shortName: instruments.shortName,
  title: instruments.title,
  adoptionDate: instruments.adoptionDate,
  ojReference: instruments.ojReference,
  eli: instruments.eli,
  transpositionDeadline: instruments.transpositionDeadline,
  repealedBy: instruments.repealedBy,
  repealedFrom: instruments.repealedFrom,
  verification: instruments.verification,
};

export type InstrumentRow = RowOf<typeof instrumentFields>;

/** The FROM of every select of the table's rows. */
export function selectInstruments<F extends Fields>(db: Db, fields: F) {
  return db.select(fields).from(instruments);
}

/** The instruments adopted by the as-of date. */
export function instrumentConditions(query: TableQuery, asOf: AsOf): SQL[] {
  const where: SQL[] = [instrumentCountsAsOf(asOf)];
  if (query.instrument) where.push(eq(instruments.celex, query.instrument));
  if (query.verification) where.push(sql`${instruments.verification} = ${query.verification}`);
  return where;
}

export const instrumentColumns: ColumnSpec<InstrumentRow>[] = [
  { id: "celex", header: "CELEX", sortSql: instruments.celex, value: (r) => r.celex },
  { id: "short_name", header: "Short name", value: (r) => r.shortName },
  { id: "type", header: "Type", value: (r) => r.type },
  { id: "title", header: "Title", value: (r) => r.title },
  { id: "adoption_date", header: "Adopted", sortSql: instruments.adoptionDate, value: (r) => r.adoptionDate },
  { id: "oj_reference", header: "Official Journal", value: (r) => r.ojReference },
  { id: "eli", header: "ELI", value: (r) => r.eli },
  { id: "transposition_deadline", header: "Transposition deadline", sortSql: instruments.transpositionDeadline, value: (r) => r.transpositionDeadline },
  { id: "repealed_by", header: "Repealed by", value: (r) => r.repealedBy },
  { id: "repealed_from", header: "Repealed from", value: (r) => r.repealedFrom },
  { id: "verification", header: "Verification", value: (r) => r.verification },
];

export const instrumentsSpec: TableSpec<InstrumentRow> = {
  path: "/instruments",
  columns: instrumentColumns,
  filters: ["instrument", "verification"],
  defaultSort: { id: "adoption_date", desc: false },
};

/** One row of GET /api/v1/instruments. */
export const instrumentItem = z.object({
  id: z.number().int(),
  celex,
  type: z.enum(instrumentTypes),
  shortName: z.string(),
  title: z.string(),
  adoptionDate: date,
  ojReference: z.string(),
  eli: z.string().nullable(),
  transpositionDeadline: nullableDate,
  repealedBy: z.string().nullable(),
  repealedFrom: nullableDate,
  verification,
});
