/**
 * The Member States table, declared once: the select, the row type inferred from it, the filters, the columns
 * (sort allow-list, CSV) and the API item. The JSON API and the CSV export read this module (the /member-states page
 * is a summary of its own, db/queries/member-state-summary.ts).
 */
import type { SQL } from "drizzle-orm";
import { z } from "zod";
import { stateIsMemberAsOf } from "@/db/as-of";
import type { Db } from "@/db/client";
import { memberStates } from "@/db/schema";
import { date, nullableDate, state, type Fields, type RowOf } from "@/db/tables/fields";
import { inStates } from "@/db/queries/table-helpers";
import type { AsOf } from "@/lib/as-of";
import type { TableQuery, TableSpec } from "@/lib/table-state";
import type { ColumnSpec } from "@/lib/table-types";

export const memberStateFields = {
  code: memberStates.code,
  name: memberStates.name,
  accessionDate: memberStates.accessionDate,
  exitDate: memberStates.exitDate,
};

export type MemberStateRow = RowOf<typeof memberStateFields>;

/** The FROM of every select of the table's rows. */
export function selectMemberStates<F extends Fields>(db: Db, fields: F) {
  return db.select(fields).from(memberStates);
}

/** Every state that has ever been a member, or, with an explicit `as_of` (`given`), those that were members then. */
export function memberStateConditions(query: TableQuery, asOf: AsOf & { given?: boolean }): SQL[] {
  return [...(asOf.given ? [stateIsMemberAsOf(asOf)] : []), ...inStates(memberStates.code, query)];
}

export const memberStateColumns: ColumnSpec<MemberStateRow>[] = [
  { id: "code", header: "EU code", sortSql: memberStates.code, value: (r) => r.code },
  { id: "name", header: "Name", sortSql: memberStates.name, value: (r) => r.name },
  { id: "accession_date", header: "Accession", sortSql: memberStates.accessionDate, value: (r) => r.accessionDate },
  { id: "exit_date", header: "Exit", sortSql: memberStates.exitDate, value: (r) => r.exitDate },
];

export const memberStatesSpec: TableSpec<MemberStateRow> = {
  path: "/member-states",
  columns: memberStateColumns,
  filters: ["state"],
  defaultSort: { id: "code", desc: false },
};

/** One row of GET /api/v1/member-states. */
export const memberStateItem = z.object({ code: state, name: z.string(), accessionDate: date, exitDate: nullableDate });
