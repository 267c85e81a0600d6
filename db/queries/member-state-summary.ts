/**
 * A Member State's instruments at scale (issue 8): one row per instrument the state has records for,
 * with its notification, its correspondences counted by status and its measures counted, all in SQL
 * (GROUP BY over the page's instruments only), so the page costs the same for 6 instruments or 2,000.
 */
import { transpositionCountsAsOf } from "@/db/as-of";
import { memoOnContent, type MemoGroup } from "@/db/cache/memo";
import { measureCountsAsOf } from "@/db/as-of";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import type { DatePrecision } from "@/lib/vocabulary";
import { infringements, instruments, measureInstruments, nationalMeasures, notifications, provisions, sources, transpositions } from "../schema";
import { transpositionStatuses } from "@/lib/vocabulary";
import { asOfRules, todayIso, type AsOf } from "@/lib/as-of";
import { correspondences, type Correspondence } from "./transpositions";
import { listProvisionHeads, type ProvisionHead } from "./instruments";
import { readNotification, type NotificationOnDate } from "@/lib/indicators/transposition-deficit";

export type TranspositionStatus = (typeof transpositionStatuses)[number];

export interface StateNotification {
  id: number;
  status: string;
  notifiedOn: string | null;
  notifiedOnPrecision: DatePrecision | null;
  /** The day the status was established ("no act adopted as of …"). */
  statusAsOf: string | null;
  note: string | null;
  verification: string;
  principalMeasureId: number | null;
}

export interface StateInstrumentSummary {
  instrumentId: number;
  celex: string;
  shortName: string;
  title: string;
  adoptionDate: string;
  transpositionDeadline: string | null;
  /** A regulation applies directly: its national acts implement or supplement it, nothing transposes it. */
  type: string;
  appliesFrom: string | null;
  /** The notification when it counts as of the date, else null. */
  notification: StateNotification | null;
  /** How the notification counts in the Scoreboard on the date (the dashboard's own rule, lib/indicators/transposition-deficit.ts). */
  reading: NotificationOnDate;
  provisionCount: number;
  /** Correspondences that count as of the date, by status; `unknown` includes the provisions without one. */
  statusCounts: Record<TranspositionStatus, number>;
  /** The state's measures for the instrument that count as of the date, and those that do not (yet, or any more). */
  measureCount: number;
  laterMeasureCount: number;
  /** Infringement proceedings recorded against the state for the instrument. */
  infringementCount: number;
}

export interface StateInstrumentPage {
  total: number;
  rows: StateInstrumentSummary[];
}

const headFields = {
  id: instruments.id,
  celex: instruments.celex,
  shortName: instruments.shortName,
  title: instruments.title,
  adoptionDate: instruments.adoptionDate,
  transpositionDeadline: instruments.transpositionDeadline,
  type: instruments.type,
  appliesFrom: instruments.appliesFrom,
};

/**
 * The instruments a state has anything recorded for (a measure, a notification or a correspondence row),
 * adopted by the as-of date, in adoption order; one page of them with their figures.
 */
export function listStateInstrumentSummaries(db: Db, stateCode: string, asOf: AsOf, page: { page: number; pageSize: number }): StateInstrumentPage {
  // The ids alone (a few thousand integers at most) give the total and the page.
  const ids = instrumentsWithRecords(db, stateCode)
    .filter((i) => asOfRules.instrument(i, asOf))
    .map((i) => i.id);
  const pageIds = ids.slice((page.page - 1) * page.pageSize, page.page * page.pageSize);
  const heads = pageIds.length
    ? db.select(headFields).from(instruments).where(inArray(instruments.id, pageIds)).orderBy(asc(instruments.adoptionDate), asc(instruments.id)).all()
    : [];
  return { total: ids.length, rows: summarise(db, stateCode, asOf, heads) };
}

/** The summary of one instrument for a state, whether or not anything is recorded (null for an unknown CELEX). */
export function findStateInstrumentSummary(db: Db, stateCode: string, celex: string, asOf: AsOf): StateInstrumentSummary | null {
  const head = db.select(headFields).from(instruments).where(eq(instruments.celex, celex)).get();
  return head ? (summarise(db, stateCode, asOf, [head])[0] ?? null) : null;
}

/** One per Member State viewed, in a group of their own. */
const STATE_INSTRUMENTS: MemoGroup = { name: "state-instruments", kept: 40 };

/**
 * The instruments the state has anything recorded for, in adoption order, kept while the inventory is unchanged
 * (`memoOnContent`): finding them probes every instrument (18 ms for 2,000 at scale), and the set does not depend on
 * the date viewed, which only drops the instruments not yet adopted.
 */
function instrumentsWithRecords(db: Db, stateCode: string): { id: number; adoptionDate: string }[] {
  return memoOnContent(
    db,
    `state-instruments|${stateCode}`,
    todayIso(),
    () =>
      db
        .select({ id: instruments.id, adoptionDate: instruments.adoptionDate })
        .from(instruments)
        .where(stateHasRecords(stateCode))
        .orderBy(asc(instruments.adoptionDate), asc(instruments.id))
        .all(),
    STATE_INSTRUMENTS,
  );
}

function stateHasRecords(stateCode: string) {
  // Correspondences first: a probe per instrument on transpositions_state_provision that stops at the first of its
  // provisions with a row. The IN lists (built once, from the state's rows) are only built when a probe fails.
  return sql`(exists (select 1 from ${provisions} p join ${transpositions} t on t.provision_id = p.id and t.state_code = ${stateCode} where p.instrument_id = ${instruments.id})
    or ${instruments.id} in (select n.instrument_id from ${notifications} n where n.state_code = ${stateCode})
    or ${instruments.id} in (select mi.instrument_id from ${nationalMeasures} m join ${measureInstruments} mi on mi.measure_id = m.id where m.state_code = ${stateCode}))`;
}

function provisionIdsOf(instrumentIds: number[]) {
  return sql`(select p.id from ${provisions} p where p.instrument_id in ${instrumentIds})`;
}

/**
 * The unary `+` keeps SQLite from starting at national_measures_state (all of a state's 10,000 measures):
 * the plan starts from the few instruments' links instead.
 */
function stateOfMeasureIs(stateCode: string) {
  return sql`+${nationalMeasures.stateCode} = ${stateCode}`;
}

type Head = Pick<StateInstrumentSummary, "celex" | "shortName" | "title" | "adoptionDate" | "transpositionDeadline" | "type" | "appliesFrom"> & { id: number };

function emptyCounts(): Record<TranspositionStatus, number> {
  return Object.fromEntries(transpositionStatuses.map((s) => [s, 0])) as Record<TranspositionStatus, number>;
}

function summarise(db: Db, stateCode: string, asOf: AsOf, heads: Head[]): StateInstrumentSummary[] {
  if (!heads.length) return [];
  const ids = heads.map((h) => h.id);
  const provisionCounts = new Map(
    db
      .select({ instrumentId: provisions.instrumentId, n: sql<number>`count(*)` })
      .from(provisions)
      .where(inArray(provisions.instrumentId, ids))
      .groupBy(provisions.instrumentId)
      .all()
      .map((r) => [r.instrumentId, r.n]),
  );
  // A correspondence counts only once its instrument is adopted (lib/as-of.ts); the list holds adopted ones only, a detail page may not.
  const adoptedIds = heads.filter((h) => asOfRules.instrument(h, asOf)).map((h) => h.id);
  const statusRows = !adoptedIds.length
    ? []
    : db
        .select({ instrumentId: provisions.instrumentId, status: transpositions.status, n: sql<number>`count(*)` })
        .from(transpositions)
        .innerJoin(provisions, eq(provisions.id, transpositions.provisionId))
        // Through the instruments' provisions, so the plan probes (state, provision) instead of scanning the state's rows.
        .where(and(eq(transpositions.stateCode, stateCode), inArray(transpositions.provisionId, provisionIdsOf(adoptedIds)), transpositionCountsAsOf(asOf)))
        .groupBy(provisions.instrumentId, transpositions.status)
        .all();
  const measureRows = db
    .select({
      instrumentId: measureInstruments.instrumentId,
      counted: sql<number>`coalesce(sum(case when ${measureCountsAsOf(asOf)} then 1 else 0 end), 0)`,
      n: sql<number>`count(*)`,
    })
    .from(measureInstruments)
    .innerJoin(nationalMeasures, eq(nationalMeasures.id, measureInstruments.measureId))
    .where(and(inArray(measureInstruments.instrumentId, ids), stateOfMeasureIs(stateCode)))
    .groupBy(measureInstruments.instrumentId)
    .all();
  const infringementCounts = new Map(
    db
      .select({ instrumentId: infringements.instrumentId, n: sql<number>`count(*)` })
      .from(infringements)
      .where(and(eq(infringements.stateCode, stateCode), inArray(infringements.instrumentId, ids)))
      .groupBy(infringements.instrumentId)
      .all()
      .map((r) => [r.instrumentId, r.n]),
  );
  const notificationRows = db
    .select({
      instrumentId: notifications.instrumentId,
      id: notifications.id,
      status: notifications.status,
      notifiedOn: notifications.notifiedOn,
      notifiedOnPrecision: notifications.notifiedOnPrecision,
      statusAsOf: notifications.statusAsOf,
      note: notifications.note,
      verification: notifications.verification,
      principalMeasureId: notifications.principalMeasureId,
      principalNotifiedOn: nationalMeasures.notifiedOn,
      principalInForceOn: nationalMeasures.inForceOn,
      principalAdoptedOn: nationalMeasures.adoptedOn,
      principalPublishedOn: nationalMeasures.publishedOn,
    })
    .from(notifications)
    .leftJoin(nationalMeasures, eq(nationalMeasures.id, notifications.principalMeasureId))
    .where(and(eq(notifications.stateCode, stateCode), inArray(notifications.instrumentId, ids)))
    .all();
  const takenOn = todayIso();

  const counts = new Map<number, Record<TranspositionStatus, number>>();
  for (const r of statusRows) {
    const c = counts.get(r.instrumentId) ?? emptyCounts();
    c[r.status] += r.n;
    counts.set(r.instrumentId, c);
  }
  const measures = new Map(measureRows.map((r) => [r.instrumentId, r]));
  const notificationOf = new Map(notificationRows.map((r) => [r.instrumentId, r]));
  return heads.map(({ id, ...head }) => {
    const provisionCount = provisionCounts.get(id) ?? 0;
    const statusCounts = counts.get(id) ?? emptyCounts();
    const assessedOrRecorded = transpositionStatuses.reduce((sum, s) => (s === "unknown" ? sum : sum + statusCounts[s]), 0);
    statusCounts.unknown = provisionCount - assessedOrRecorded;
    const n = notificationOf.get(id);
    const m = measures.get(id);
    const reading = readNotification(
      n && {
        status: n.status,
        notifiedOn: n.notifiedOn,
        principalMeasure:
          n.principalMeasureId === null
            ? null
            : { notifiedOn: n.principalNotifiedOn, inForceOn: n.principalInForceOn, adoptedOn: n.principalAdoptedOn, publishedOn: n.principalPublishedOn },
      },
      asOf.date,
      takenOn,
    );
    return {
      instrumentId: id,
      ...head,
      // Shown when it counts on the date by the as-of rule, or when the Scoreboard counts it transposed by an inferred date.
      notification:
        n && (asOfRules.notification(n, asOf) || reading.state === "transposed")
          ? {
              id: n.id,
              status: n.status,
              notifiedOn: n.notifiedOn,
              notifiedOnPrecision: n.notifiedOnPrecision,
              statusAsOf: n.statusAsOf,
              note: n.note,
              verification: n.verification,
              principalMeasureId: n.principalMeasureId,
            }
          : null,
      reading,
      provisionCount,
      statusCounts,
      measureCount: m?.counted ?? 0,
      laterMeasureCount: (m?.n ?? 0) - (m?.counted ?? 0),
      infringementCount: infringementCounts.get(id) ?? 0,
    };
  });
}

export type StateMeasure = typeof nationalMeasures.$inferSelect & { source: typeof sources.$inferSelect; isPrincipal: boolean };

/**
 * The state's measures for each of a few instruments (those of an inline section or a detail page),
 * that count as of the date, oldest first; `isPrincipal` from the recorded notification.
 */
export function stateMeasuresByInstrument(db: Db, stateCode: string, summaries: StateInstrumentSummary[], asOf: AsOf): Map<number, StateMeasure[]> {
  const out = new Map<number, StateMeasure[]>();
  if (!summaries.length) return out;
  const principal = new Map(
    db
      .select({ instrumentId: notifications.instrumentId, measureId: notifications.principalMeasureId })
      .from(notifications)
      .where(
        and(
          eq(notifications.stateCode, stateCode),
          inArray(
            notifications.instrumentId,
            summaries.map((s) => s.instrumentId),
          ),
        ),
      )
      .all()
      .map((r) => [r.instrumentId, r.measureId]),
  );
  const rows = db
    .select({ measure: nationalMeasures, source: sources, instrumentId: measureInstruments.instrumentId })
    .from(measureInstruments)
    .innerJoin(nationalMeasures, eq(nationalMeasures.id, measureInstruments.measureId))
    .innerJoin(sources, eq(sources.id, nationalMeasures.sourceId))
    .where(
      and(
        inArray(
          measureInstruments.instrumentId,
          summaries.map((s) => s.instrumentId),
        ),
        stateOfMeasureIs(stateCode),
        measureCountsAsOf(asOf),
      ),
    )
    .orderBy(asc(nationalMeasures.adoptedOn), asc(nationalMeasures.id))
    .all();
  for (const r of rows) {
    const list = out.get(r.instrumentId) ?? [];
    list.push({ ...r.measure, source: r.source, isPrincipal: principal.get(r.instrumentId) === r.measure.id });
    out.set(r.instrumentId, list);
  }
  return out;
}

export interface StateInstrumentDetails {
  measures: Map<number, StateMeasure[]>;
  /** Each instrument's provisions in document order. */
  provisions: Map<number, ProvisionHead[]>;
  /** `${state}:${provisionId}` → the correspondence, `unknown` where none counts. */
  correspondences: Map<string, Correspondence>;
}

/** Everything the detailed sections of a few instruments show (the page inlines them only for a handful). */
export function stateInstrumentDetails(db: Db, stateCode: string, summaries: StateInstrumentSummary[], asOf: AsOf): StateInstrumentDetails {
  const heads = listProvisionHeads(
    db,
    summaries.map((s) => s.instrumentId),
  );
  const adopted = new Set(summaries.filter((s) => asOfRules.instrument(s, asOf)).map((s) => s.instrumentId));
  const provisionsOf = new Map<number, ProvisionHead[]>();
  for (const h of heads) provisionsOf.set(h.instrumentId, [...(provisionsOf.get(h.instrumentId) ?? []), h]);
  return {
    measures: stateMeasuresByInstrument(db, stateCode, summaries, asOf),
    provisions: provisionsOf,
    // Provisions of an instrument not adopted by the date are left out, and so read as unknown.
    correspondences: correspondences(
      db,
      [stateCode],
      heads.filter((h) => adopted.has(h.instrumentId)).map((h) => h.id),
      asOf,
    ),
  };
}

export interface StateRegulationActs {
  celex: string;
  shortName: string;
  appliesFrom: string | null;
  /** The state's acts implementing or supplementing the regulation that count as of the date. */
  measures: {
    key: string;
    titleOriginal: string;
    language: string;
    titleEnglish: string | null;
    /** The inventory's French and German working titles (shown in that interface). */
    workingTitleFr: string | null;
    workingTitleDe: string | null;
    inForceOn: string | null;
    inForceOnPrecision: DatePrecision | null;
  }[];
}

/**
 * Which directly applicable regulations a state has national implementing or
 * supplementing acts for, as of the date: every regulation adopted by then,
 * with the state's acts (none is an answer too).
 */
export function stateRegulationActs(db: Db, stateCode: string, asOf: AsOf): StateRegulationActs[] {
  const regulations = db
    .select({ id: instruments.id, celex: instruments.celex, shortName: instruments.shortName, appliesFrom: instruments.appliesFrom })
    .from(instruments)
    .where(and(eq(instruments.type, "regulation"), sql`${instruments.adoptionDate} <= ${asOf.date}`))
    .orderBy(asc(instruments.adoptionDate))
    .all();
  if (!regulations.length) return [];
  const rows = db
    .select({
      instrumentId: measureInstruments.instrumentId,
      key: nationalMeasures.key,
      titleOriginal: nationalMeasures.titleOriginal,
      language: nationalMeasures.language,
      titleEnglish: nationalMeasures.titleEnglish,
      workingTitleFr: nationalMeasures.workingTitleFr,
      workingTitleDe: nationalMeasures.workingTitleDe,
      inForceOn: nationalMeasures.inForceOn,
      inForceOnPrecision: nationalMeasures.inForceOnPrecision,
    })
    .from(measureInstruments)
    .innerJoin(nationalMeasures, eq(nationalMeasures.id, measureInstruments.measureId))
    .where(
      and(
        inArray(
          measureInstruments.instrumentId,
          regulations.map((r) => r.id),
        ),
        stateOfMeasureIs(stateCode),
        measureCountsAsOf(asOf),
      ),
    )
    .orderBy(asc(nationalMeasures.adoptedOn), asc(nationalMeasures.id))
    .all();
  return regulations.map(({ id, ...r }) => ({ ...r, measures: rows.filter((m) => m.instrumentId === id).map(({ instrumentId: _i, ...m }) => m) }));
}
