import { transpositionCountsAsOf } from "@/db/as-of";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, memberStates, nationalMeasures, provisions, transpositionMeasures, transpositions } from "../schema";
import { type AsOf } from "@/lib/as-of";
import {
  selectTranspositions,
  transpositionColumns,
  transpositionConditions,
  transpositionFields,
  transpositionRowConditions,
  type TranspositionRow,
} from "@/db/tables/transpositions";
import type { TableQuery } from "@/lib/table-state";
import { cappedCount, inChunks, offset, orderBy, type TablePage } from "./table-helpers";

/** A correspondence row's identity and assessment, as the indicator snapshot and the article-by-article correspondences read it. */
export const transpositionHeadFields = {
  id: transpositions.id,
  stateCode: transpositions.stateCode,
  provisionId: transpositions.provisionId,
  status: transpositions.status,
  relation: transpositions.relation,
};

export function listTranspositions(db: Db, query: TableQuery, asOf: AsOf): TablePage<TranspositionRow> {
  const where = and(...transpositionConditions(query, asOf));
  // When every instrument was adopted by the date, the count needs neither the adoption check nor its two joins per row.
  const everyInstrumentCounts =
    db
      .select({ ok: sql<number>`coalesce(max(${instruments.adoptionDate}) <= ${asOf.date}, 1)` })
      .from(instruments)
      .get()?.ok === 1;
  const counted = everyInstrumentCounts
    ? db
        .select({ one: sql`1` })
        .from(transpositions)
        .where(and(...transpositionRowConditions(query, asOf)))
    : db
        .select({ one: sql`1` })
        .from(transpositions)
        .innerJoin(provisions, eq(provisions.id, transpositions.provisionId))
        .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
        .where(where);
  const { total, totalIsCapped } = cappedCount(db, counted);
  const rows = selectTranspositions(db, transpositionFields)
    .where(where)
    .orderBy(...orderBy(transpositionColumns, query, transpositions.id))
    .limit(query.pageSize)
    .offset(offset(query))
    .all();
  const measures = measuresOfTranspositions(
    db,
    rows.map((r) => r.id),
  );
  return { total, totalIsCapped, rows: rows.map((r) => ({ ...r, measures: measures.get(r.id) ?? [] })) };
}

export function measuresOfTranspositions(db: Db, ids: number[]): Map<number, { key: string; titleOriginal: string; language: string }[]> {
  const out = new Map<number, { key: string; titleOriginal: string; language: string }[]>();
  if (!ids.length) return out;
  const rows = inChunks(ids, (chunk) =>
    db
      .select({
        transpositionId: transpositionMeasures.transpositionId,
        key: nationalMeasures.key,
        titleOriginal: nationalMeasures.titleOriginal,
        language: nationalMeasures.language,
      })
      .from(transpositionMeasures)
      .innerJoin(nationalMeasures, eq(nationalMeasures.id, transpositionMeasures.measureId))
      .where(inArray(transpositionMeasures.transpositionId, chunk))
      .orderBy(asc(nationalMeasures.id))
      .all(),
  );
  for (const { transpositionId, ...m } of rows) out.set(transpositionId, [...(out.get(transpositionId) ?? []), m]);
  return out;
}

export interface Correspondence {
  id: number | null;
  stateCode: string;
  provisionId: number;
  /** `unknown` (not assessed) when no row is recorded. */
  status: string;
  isRecorded: boolean;
  relation: string | null;
  nationalProvision: string | null;
  note: string | null;
  verification: string | null;
  measures: { key: string; titleOriginal: string; language: string }[];
}

/**
 * The correspondence of each (state, provision) pair asked for, in two queries:
 * pairs without a row, or whose row does not count as of the date, come back `unknown`.
 */
export function correspondences(db: Db, stateCodes: string[], provisionIds: number[], asOf: AsOf): Map<string, Correspondence> {
  const out = new Map<string, Correspondence>();
  const rows =
    stateCodes.length && provisionIds.length
      ? inChunks(provisionIds, (chunk) =>
          db
            .select({
              ...transpositionHeadFields,
              nationalProvision: transpositions.nationalProvision,
              note: transpositions.note,
              verification: transpositions.verification,
            })
            .from(transpositions)
            .where(and(inArray(transpositions.stateCode, stateCodes), inArray(transpositions.provisionId, chunk), transpositionCountsAsOf(asOf)))
            .all(),
        )
      : [];
  const measures = measuresOfTranspositions(
    db,
    rows.map((r) => r.id),
  );
  for (const r of rows) out.set(`${r.stateCode}:${r.provisionId}`, { ...r, isRecorded: true, measures: measures.get(r.id) ?? [] });
  for (const s of stateCodes)
    for (const p of provisionIds) {
      const k = `${s}:${p}`;
      if (!out.has(k))
        out.set(k, {
          id: null,
          stateCode: s,
          provisionId: p,
          status: "unknown",
          isRecorded: false,
          relation: null,
          nationalProvision: null,
          note: null,
          verification: null,
          measures: [],
        });
    }
  return out;
}

export interface GridState {
  code: string;
  name: string;
  /** False for a state shown only because it has recorded correspondences (e.g. one that has left). */
  isMember: boolean;
}

/** The states of a grid as of a date: the members then, plus any state with a correspondence recorded for these provisions. */
export function gridStates(db: Db, provisionIds: number[], asOf: AsOf): GridState[] {
  const members = db
    .select({ code: memberStates.code, name: memberStates.name })
    .from(memberStates)
    .where(and(sql`${memberStates.accessionDate} <= ${asOf.date}`, sql`(${memberStates.exitDate} is null or ${memberStates.exitDate} > ${asOf.date})`))
    .all();
  const memberCodes = new Set(members.map((m) => m.code));
  const withRows = provisionIds.length
    ? db
        .selectDistinct({ code: memberStates.code, name: memberStates.name })
        .from(transpositions)
        .innerJoin(memberStates, eq(memberStates.code, transpositions.stateCode))
        .where(and(inArray(transpositions.provisionId, provisionIds), transpositionCountsAsOf(asOf)))
        .all()
    : [];
  const out: GridState[] = members.map((m) => ({ ...m, isMember: true }));
  for (const s of withRows) if (!memberCodes.has(s.code)) out.push({ ...s, isMember: false });
  return out.sort((a, b) => a.code.localeCompare(b.code));
}
