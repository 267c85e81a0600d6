import { transpositionCountsAsOf } from "@/db/as-of";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, provisionObligations, provisions, sources, transpositions } from "../schema";
import { type AsOf } from "@/lib/as-of";
import { provisionColumns, provisionConditions, provisionFields, selectProvisions, type ProvisionRow } from "@/db/tables/provisions";
import type { TableQuery } from "@/lib/table-state";
import { obligationsByProvision, type ObligationSummary } from "./instruments";
import { offset, orderBy, type TablePage } from "./table-helpers";
import { correspondences, gridStates, type Correspondence, type GridState } from "./transpositions";

export function listProvisions(db: Db, query: TableQuery, asOf: AsOf): TablePage<ProvisionRow> {
  const where = and(...provisionConditions(query, asOf));
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(provisions)
      .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
      .where(where)
      .get()?.n ?? 0;
  const rows = selectProvisions(db, provisionFields)
    .where(where)
    .orderBy(...orderBy(provisionColumns, query, provisions.id))
    .limit(query.pageSize)
    .offset(offset(query))
    .all();
  const ids = rows.map((r) => r.id);
  const obligationCounts = new Map<number, number>();
  const fullCounts = new Map<number, number>();
  const assessedCounts = new Map<number, number>();
  if (ids.length) {
    for (const r of db
      .select({ id: provisionObligations.provisionId, n: sql<number>`count(*)` })
      .from(provisionObligations)
      .where(inArray(provisionObligations.provisionId, ids))
      .groupBy(provisionObligations.provisionId)
      .all())
      obligationCounts.set(r.id, r.n);
    const stateFilter = query.state.length ? [inArray(transpositions.stateCode, query.state)] : [];
    for (const r of db
      .select({
        id: transpositions.provisionId,
        full: sql<number>`sum(${transpositions.status} = 'full')`,
        assessed: sql<number>`sum(${transpositions.status} <> 'unknown')`,
      })
      .from(transpositions)
      .where(and(inArray(transpositions.provisionId, ids), transpositionCountsAsOf(asOf), ...stateFilter))
      .groupBy(transpositions.provisionId)
      .all()) {
      fullCounts.set(r.id, r.full ?? 0);
      assessedCounts.set(r.id, r.assessed ?? 0);
    }
  }
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      obligationCount: obligationCounts.get(r.id) ?? 0,
      fullCount: fullCounts.get(r.id) ?? 0,
      assessedCount: assessedCounts.get(r.id) ?? 0,
    })),
  };
}

export interface ProvisionDetail {
  provision: typeof provisions.$inferSelect;
  instrument: typeof instruments.$inferSelect;
  source: typeof sources.$inferSelect;
  obligations: ObligationSummary[];
  siblings: { previous: { id: number; kind: string; number: string } | null; next: { id: number; kind: string; number: string } | null };
  states: (GridState & { correspondence: Correspondence })[];
}

export function findProvisionDetail(db: Db, id: number, asOf: AsOf): ProvisionDetail | null {
  const row = db
    .select({ provision: provisions, instrument: instruments, source: sources })
    .from(provisions)
    .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
    .innerJoin(sources, eq(sources.id, provisions.sourceId))
    .where(eq(provisions.id, id))
    .get();
  if (!row) return null;
  const p = row.provision;
  const sibling = (cmp: SQL, dir: "asc" | "desc") =>
    db
      .select({ id: provisions.id, kind: provisions.kind, number: provisions.number })
      .from(provisions)
      .where(and(eq(provisions.instrumentId, p.instrumentId), cmp))
      .orderBy(dir === "asc" ? asc(provisions.position) : sql`${provisions.position} desc`)
      .limit(1)
      .get() ?? null;
  const states = gridStates(db, [p.id], asOf);
  const map = correspondences(
    db,
    states.map((s) => s.code),
    [p.id],
    asOf,
  );
  return {
    provision: p,
    instrument: row.instrument,
    source: row.source,
    obligations: obligationsByProvision(db, [p.id]).get(p.id) ?? [],
    siblings: { previous: sibling(sql`${provisions.position} < ${p.position}`, "desc"), next: sibling(sql`${provisions.position} > ${p.position}`, "asc") },
    states: states.map((s) => ({ ...s, correspondence: map.get(`${s.code}:${p.id}`)! })),
  };
}
