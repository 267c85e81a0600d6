import { measureCountsAsOf } from "@/db/as-of";
import type { DatePrecision } from "@/lib/vocabulary";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import {
  instruments,
  measureInstruments,
  memberStates,
  nationalMeasures,
  notifications,
  provisions,
  sources,
  transpositionMeasures,
  transpositions,
} from "../schema";
import { type AsOf } from "@/lib/as-of";
import { measureColumns, type MeasureListRow } from "@/db/tables/measures";
import type { TableQuery } from "@/lib/table-state";
import { matchingIdsSql } from "./search";
import { cappedCount, dateRange, orderBy, pageIdsAcrossStates, type TablePage } from "./table-helpers";

const isPrincipal = sql<number>`exists (select 1 from ${notifications} n where n.principal_measure_id = ${nationalMeasures.id})`;

/** The columns of a measures-table row, shared by the page, the JSON API and the CSV export. */
export const measureListFields = {
  id: nationalMeasures.id,
  key: nationalMeasures.key,
  stateCode: nationalMeasures.stateCode,
  stateName: memberStates.name,
  titleOriginal: nationalMeasures.titleOriginal,
  titleEnglish: nationalMeasures.titleEnglish,
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

/** The WHERE of the measures table; the count and the page share it. */
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

export function listMeasures(db: Db, query: TableQuery, asOf: AsOf): TablePage<MeasureListRow> {
  const where = and(...measureConditions(query, asOf));
  const { total, totalIsCapped } = cappedCount(
    db,
    db
      .select({ one: sql`1` })
      .from(nationalMeasures)
      .where(where),
  );
  // The page's ids first, sorted on the index alone; then only those rows with their columns (sorting 20,000 full rows with isPrincipal each took 33 ms at scale).
  const ids = pageIdsAcrossStates(query, (state, limit, from, among) =>
    db
      .select({ id: nationalMeasures.id })
      .from(nationalMeasures)
      .where(and(...measureConditions({ ...query, state }, asOf), among ? inArray(nationalMeasures.id, among) : undefined))
      .orderBy(...orderBy(measureColumns, query, nationalMeasures.id))
      .limit(limit)
      .offset(from)
      .all()
      .map((r) => r.id),
  );
  const position = new Map(ids.map((id, i) => [id, i]));
  const rows = ids.length
    ? db
        .select(measureListFields)
        .from(nationalMeasures)
        .innerJoin(memberStates, eq(memberStates.code, nationalMeasures.stateCode))
        .where(inArray(nationalMeasures.id, ids))
        .all()
        .sort((a, b) => position.get(a.id)! - position.get(b.id)!)
    : [];
  const byMeasure = instrumentsOfMeasures(
    db,
    rows.map((r) => r.id),
  );
  return { total, totalIsCapped, rows: rows.map((r) => ({ ...r, isPrincipal: Boolean(r.isPrincipal), instruments: byMeasure.get(r.id) ?? [] })) };
}

function instrumentsOfMeasures(db: Db, ids: number[]): Map<number, { celex: string; shortName: string }[]> {
  const out = new Map<number, { celex: string; shortName: string }[]>();
  if (!ids.length) return out;
  const rows = db
    .select({ measureId: measureInstruments.measureId, celex: instruments.celex, shortName: instruments.shortName })
    .from(measureInstruments)
    .innerJoin(instruments, eq(instruments.id, measureInstruments.instrumentId))
    .where(inArray(measureInstruments.measureId, ids))
    .orderBy(asc(instruments.adoptionDate))
    .all();
  for (const r of rows) out.set(r.measureId, [...(out.get(r.measureId) ?? []), { celex: r.celex, shortName: r.shortName }]);
  return out;
}

export interface MeasureDetail {
  measure: typeof nationalMeasures.$inferSelect;
  stateName: string;
  source: typeof sources.$inferSelect;
  instruments: {
    celex: string;
    shortName: string;
    title: string;
    isPrincipal: boolean;
    notificationStatus: string | null;
    notifiedOn: string | null;
    notifiedOnPrecision: DatePrecision | null;
  }[];
  transposes: {
    provisionId: number;
    celex: string;
    shortName: string;
    kind: string;
    number: string;
    heading: string;
    status: string;
    relation: string | null;
    nationalProvision: string | null;
    verification: string;
  }[];
}

export function findMeasureDetail(db: Db, key: string): MeasureDetail | null {
  const row = db
    .select({ measure: nationalMeasures, stateName: memberStates.name, source: sources })
    .from(nationalMeasures)
    .innerJoin(memberStates, eq(memberStates.code, nationalMeasures.stateCode))
    .innerJoin(sources, eq(sources.id, nationalMeasures.sourceId))
    .where(eq(nationalMeasures.key, key))
    .get();
  if (!row) return null;
  const m = row.measure;
  const instrumentRows = db
    .select({
      celex: instruments.celex,
      shortName: instruments.shortName,
      title: instruments.title,
      principalMeasureId: notifications.principalMeasureId,
      notificationStatus: notifications.status,
      notifiedOn: notifications.notifiedOn,
      notifiedOnPrecision: notifications.notifiedOnPrecision,
    })
    .from(measureInstruments)
    .innerJoin(instruments, eq(instruments.id, measureInstruments.instrumentId))
    .leftJoin(notifications, and(eq(notifications.instrumentId, instruments.id), eq(notifications.stateCode, m.stateCode)))
    .where(eq(measureInstruments.measureId, m.id))
    .orderBy(asc(instruments.adoptionDate))
    .all();
  const transposes = db
    .select({
      provisionId: provisions.id,
      celex: instruments.celex,
      shortName: instruments.shortName,
      kind: provisions.kind,
      number: provisions.number,
      heading: provisions.heading,
      status: transpositions.status,
      relation: transpositions.relation,
      nationalProvision: transpositions.nationalProvision,
      verification: transpositions.verification,
    })
    .from(transpositionMeasures)
    .innerJoin(transpositions, eq(transpositions.id, transpositionMeasures.transpositionId))
    .innerJoin(provisions, eq(provisions.id, transpositions.provisionId))
    .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
    .where(eq(transpositionMeasures.measureId, m.id))
    .orderBy(asc(instruments.adoptionDate), asc(provisions.position))
    .all();
  return {
    measure: m,
    stateName: row.stateName,
    source: row.source,
    instruments: instrumentRows.map(({ principalMeasureId, ...i }) => ({ ...i, isPrincipal: principalMeasureId === m.id })),
    transposes,
  };
}
