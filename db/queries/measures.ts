import type { DatePrecision } from "@/lib/vocabulary";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
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
import { measureColumns, measureConditions, measureFields, selectMeasures, type MeasureRow } from "@/db/tables/measures";
import type { TableQuery } from "@/lib/table-state";
import { cappedCount, orderBy, pageIdsAcrossStates, type TablePage } from "./table-helpers";

export function listMeasures(db: Db, query: TableQuery, asOf: AsOf): TablePage<MeasureRow> {
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
    ? selectMeasures(db, measureFields)
        .where(inArray(nationalMeasures.id, ids))
        .all()
        .sort((a, b) => position.get(a.id)! - position.get(b.id)!)
    : [];
  const byMeasure = instrumentsOfMeasures(
    db,
    rows.map((r) => r.id),
  );
  return { total, totalIsCapped, rows: rows.map((r) => ({ ...r, instruments: byMeasure.get(r.id) ?? [] })) };
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
