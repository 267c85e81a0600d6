/**
 * The states × provisions status grid of an instrument's page, in two queries: only the status of each
 * correspondence that counts as of the date (the grid shows nothing else), and the states to show.
 */
import { transpositionCountsAsOf } from "@/db/as-of";
import { stateIsMemberAsOf } from "@/db/as-of";
import { and, asc, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { memberStates, transpositions } from "../schema";
import { type AsOf } from "@/lib/as-of";
import { type GridState } from "./transpositions";
import { inChunks } from "./table-helpers";

export interface StatusGrid {
  /** The members as of the date, plus any state with a correspondence that counts then; by code. */
  states: GridState[];
  /** `${state}:${provisionId}` → status; a pair missing here is `unknown` (not assessed). */
  statuses: Map<string, string>;
}

export function instrumentStatusGrid(db: Db, provisionIds: number[], asOf: AsOf): StatusGrid {
  const rows = provisionIds.length
    ? inChunks(provisionIds, (chunk) =>
        db
          .select({ stateCode: transpositions.stateCode, provisionId: transpositions.provisionId, status: transpositions.status })
          .from(transpositions)
          .where(and(inArray(transpositions.provisionId, chunk), transpositionCountsAsOf(asOf)))
          .all(),
      )
    : [];
  const statuses = new Map(rows.map((r) => [`${r.stateCode}:${r.provisionId}`, r.status]));
  const withRows = [...new Set(rows.map((r) => r.stateCode))];
  const states = db
    .select({ code: memberStates.code, name: memberStates.name, isMember: sql<number>`${stateIsMemberAsOf(asOf)}` })
    .from(memberStates)
    .where(withRows.length ? sql`(${stateIsMemberAsOf(asOf)} or ${inArray(memberStates.code, withRows)})` : stateIsMemberAsOf(asOf))
    .orderBy(asc(memberStates.code))
    .all()
    .map((s) => ({ code: s.code, name: s.name, isMember: s.isMember === 1 }));
  return { states, statuses };
}
