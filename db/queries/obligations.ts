import { transpositionCountsAsOf } from "@/db/as-of";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  instruments,
  obligations,
  obligationSecurityProperties,
  obligationThreats,
  provisionObligations,
  provisions,
  sources,
  transpositions,
} from "../schema";
import type { AsOf } from "@/lib/as-of";
import { obligationColumns, obligationConditions, obligationFields, type ObligationRow } from "@/db/tables/obligations";
import type { TableQuery } from "@/lib/table-state";
import { offset, orderBy, type TablePage } from "./table-helpers";
import { correspondences, gridStates, type Correspondence, type GridState } from "./transpositions";

interface Tags {
  properties: Map<number, ObligationRow["securityProperties"]>;
  threats: Map<number, ObligationRow["threats"]>;
  provisions: Map<number, ObligationRow["provisions"]>;
}

function tagsOf(db: Db, ids: number[]): Tags {
  const tags: Tags = { properties: new Map(), threats: new Map(), provisions: new Map() };
  if (!ids.length) return tags;
  for (const p of db.select().from(obligationSecurityProperties).where(inArray(obligationSecurityProperties.obligationId, ids)).all())
    tags.properties.set(p.obligationId, [...(tags.properties.get(p.obligationId) ?? []), p.property]);
  for (const t of db.select().from(obligationThreats).where(inArray(obligationThreats.obligationId, ids)).all())
    tags.threats.set(t.obligationId, [...(tags.threats.get(t.obligationId) ?? []), t.threat]);
  for (const r of db
    .select({
      obligationId: provisionObligations.obligationId,
      id: provisions.id,
      celex: instruments.celex,
      shortName: instruments.shortName,
      kind: provisions.kind,
      number: provisions.number,
    })
    .from(provisionObligations)
    .innerJoin(provisions, eq(provisions.id, provisionObligations.provisionId))
    .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
    .where(inArray(provisionObligations.obligationId, ids))
    .orderBy(asc(instruments.adoptionDate), asc(provisions.position))
    .all()) {
    const { obligationId, ...p } = r;
    tags.provisions.set(obligationId, [...(tags.provisions.get(obligationId) ?? []), p]);
  }
  return tags;
}

export function listObligations(db: Db, query: TableQuery, asOf: AsOf): TablePage<ObligationRow> {
  const where = and(...obligationConditions(query, asOf));
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(obligations)
      .where(where)
      .get()?.n ?? 0;
  const rows = db
    .select(obligationFields)
    .from(obligations)
    .where(where)
    .orderBy(...orderBy(obligationColumns, query, obligations.id))
    .limit(query.pageSize)
    .offset(offset(query))
    .all();
  const ids = rows.map((r) => r.id);
  const tags = tagsOf(db, ids);
  const covering = new Map<number, number>();
  if (ids.length) {
    const stateFilter = query.state.length ? [inArray(transpositions.stateCode, query.state)] : [];
    for (const r of db
      .select({ id: provisionObligations.obligationId, n: sql<number>`count(distinct ${transpositions.stateCode})` })
      .from(provisionObligations)
      .innerJoin(transpositions, eq(transpositions.provisionId, provisionObligations.provisionId))
      .where(and(inArray(provisionObligations.obligationId, ids), eq(transpositions.status, "full"), transpositionCountsAsOf(asOf), ...stateFilter))
      .groupBy(provisionObligations.obligationId)
      .all())
      covering.set(r.id, r.n);
  }
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      securityProperties: tags.properties.get(r.id) ?? [],
      threats: tags.threats.get(r.id) ?? [],
      provisions: tags.provisions.get(r.id) ?? [],
      statesCovering: covering.get(r.id) ?? 0,
    })),
  };
}

export interface ObligationDetail {
  obligation: typeof obligations.$inferSelect;
  source: typeof sources.$inferSelect;
  securityProperties: string[];
  threats: string[];
  provisions: ObligationRow["provisions"];
  states: GridState[];
  correspondences: Map<string, Correspondence>;
}

export function findObligationDetail(db: Db, key: string, asOf: AsOf): ObligationDetail | null {
  const row = db
    .select({ obligation: obligations, source: sources })
    .from(obligations)
    .innerJoin(sources, eq(sources.id, obligations.sourceId))
    .where(eq(obligations.key, key))
    .get();
  if (!row) return null;
  const id = row.obligation.id;
  const tags = tagsOf(db, [id]);
  const provisionList = (tags.provisions.get(id) ?? []).filter(() => true);
  const provisionIds = provisionList.map((p) => p.id);
  const states = gridStates(db, provisionIds, asOf);
  return {
    obligation: row.obligation,
    source: row.source,
    securityProperties: tags.properties.get(id) ?? [],
    threats: tags.threats.get(id) ?? [],
    provisions: provisionList,
    states,
    correspondences: correspondences(
      db,
      states.map((s) => s.code),
      provisionIds,
      asOf,
    ),
  };
}
