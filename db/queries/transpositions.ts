import { instrumentCountsAsOf, measureCountsAsOfAlias } from "@/db/as-of";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import {
  instruments,
  memberStates,
  nationalMeasures,
  obligations,
  provisionObligations,
  obligationSecurityProperties,
  provisions,
  transpositionMeasures,
  transpositions,
} from "../schema";
import { type AsOf } from "@/lib/as-of";
import { transpositionColumns, type TranspositionListRow } from "@/db/tables/transpositions";
import type { TableQuery } from "@/lib/table-state";
import { matchingIdsSql } from "./search";
import { cappedCount, inChunks, offset, orderBy, type TablePage } from "./table-helpers";

/** A correspondence row's identity and assessment, as the indicator snapshot and the article-by-article correspondences read it. */
export const transpositionHeadFields = {
  id: transpositions.id,
  stateCode: transpositions.stateCode,
  provisionId: transpositions.provisionId,
  status: transpositions.status,
  relation: transpositions.relation,
};

/** The columns of a correspondences-table row, shared by the page, the JSON API and the CSV export. */
export const transpositionListFields = {
  id: transpositions.id,
  stateCode: transpositions.stateCode,
  stateName: memberStates.name,
  celex: instruments.celex,
  shortName: instruments.shortName,
  provisionId: provisions.id,
  provisionKind: provisions.kind,
  provisionNumber: provisions.number,
  provisionHeading: provisions.heading,
  status: transpositions.status,
  relation: transpositions.relation,
  nationalProvision: transpositions.nationalProvision,
  note: transpositions.note,
  assessedAt: transpositions.assessedAt,
  verification: transpositions.verification,
};

/**
 * A correspondence counts as of a date when no measure is cited, or one cited measure counts then (lib/as-of.ts).
 * Decided from the row's window (transpositions.counts_*, kept by the triggers of migration 0008), which the
 * state and status indexes hold too; only rows whose measures are not one window read them.
 */
export function transpositionCountsAsOf(asOf: AsOf): SQL {
  return sql`(case when ${transpositions.countsByWindow}
    then ${windowCountsAsOf(asOf)}
    else exists (select 1 from ${transpositionMeasures} tm1 join ${nationalMeasures} m on m.id = tm1.measure_id where tm1.transposition_id = ${transpositions.id} and ${measureCountsAsOfAlias("m", asOf)})
    end)`;
}

/** The rule for a row whose measures are one window (`counts_by_window`): the date falls inside it. */
export function windowCountsAsOf(asOf: AsOf): SQL {
  return sql`(${transpositions.countsFrom} is null or ${transpositions.countsFrom} <= ${asOf.date}) and (${transpositions.countsUntil} is null or ${transpositions.countsUntil} > ${asOf.date})`;
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

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE of a correspondence view. `measureRule: false` leaves out the
 * per-row check of the cited measures (transpositionCountsAsOf), for a caller
 * that applies it itself (the CSV export decides it with the measures cell).
 */
export function transpositionConditions(query: TableQuery, asOf: AsOf, options: { measureRule?: boolean } = {}): SQL[] {
  return [instrumentCountsAsOf(asOf), ...rowConditions(query, asOf, options)];
}

/** The conditions on the correspondence row itself (all but its instrument's adoption); the per-row "as of" check goes last, after the cheap filters. */
function rowConditions(query: TableQuery, asOf: AsOf, { measureRule = true }: { measureRule?: boolean } = {}): SQL[] {
  const where: SQL[] = [];
  if (query.state.length) where.push(inArray(transpositions.stateCode, query.state));
  // As a subquery on the provision ids, so the planner starts from the instrument's few provisions (issue 8 bench).
  if (query.instrument)
    where.push(
      sql`${transpositions.provisionId} in (select p.id from ${provisions} p join ${instruments} i on i.id = p.instrument_id where i.celex = ${query.instrument})`,
    );
  // With an instrument, its few provisions are the best start: the unary + keeps the planner off transpositions_status_state (29 ms → 0.1 ms at scale).
  if (query.status.length) where.push(query.instrument ? sql`+${transpositions.status} in ${query.status}` : sql`${transpositions.status} in ${query.status}`);
  if (query.relation.length) where.push(sql`${transpositions.relation} in ${query.relation}`);
  if (query.verification) where.push(sql`${transpositions.verification} = ${query.verification}`);
  where.push(...provisionObligationConditions(transpositions.provisionId as never, query));
  if (query.q) {
    const provisionIds = matchingIdsSql("provision", query.q);
    const measureIds = matchingIdsSql("measure", query.q);
    const parts: SQL[] = [sql`${transpositions.nationalProvision} like ${likePattern(query.q)} escape '\\'`];
    if (provisionIds) parts.push(sql`${transpositions.provisionId} in ${provisionIds}`);
    if (measureIds)
      parts.push(
        sql`exists (select 1 from ${transpositionMeasures} tmq where tmq.transposition_id = ${transpositions.id} and tmq.measure_id in ${measureIds})`,
      );
    where.push(sql`(${sql.join(parts, sql` or `)})`);
  }
  if (measureRule) where.push(transpositionCountsAsOf(asOf));
  return where;
}

export function listTranspositions(db: Db, query: TableQuery, asOf: AsOf): TablePage<TranspositionListRow> {
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
        .where(and(...rowConditions(query, asOf)))
    : db
        .select({ one: sql`1` })
        .from(transpositions)
        .innerJoin(provisions, eq(provisions.id, transpositions.provisionId))
        .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
        .where(where);
  const { total, totalIsCapped } = cappedCount(db, counted);
  const rows = db
    .select(transpositionListFields)
    .from(transpositions)
    .innerJoin(provisions, eq(provisions.id, transpositions.provisionId))
    .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
    .innerJoin(memberStates, eq(memberStates.code, transpositions.stateCode))
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
