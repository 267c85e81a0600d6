/**
 * Reads the whole inventory into the plain `InventorySnapshot` the indicators
 * take (lib/indicators), in ten queries whatever the number of states,
 * provisions or correspondences: one per table (notifications joined to their
 * principal measure), joined in memory.
 */
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  infringements,
  infringementStageEvents,
  instruments,
  memberStates,
  nationalMeasures,
  notifications,
  obligations,
  obligationSecurityProperties,
  provisionObligations,
  provisions,
  transpositionMeasures,
  transpositions,
} from "../schema";
import type { InventorySnapshot, IsoDate, SnapshotInfringementStage, SnapshotMeasureDates, SecurityProperty } from "@/lib/indicators/inventory";

function groupBy<K, V, R>(rows: readonly V[], key: (row: V) => K, value: (row: V) => R): Map<K, R[]> {
  const map = new Map<K, R[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(value(row));
    else map.set(k, [value(row)]);
  }
  return map;
}

/**
 * The inventory as it stands, for the indicators. `takenOn` is the day the
 * snapshot stands for — undated facts count from that day on — and defaults
 * to today (UTC), the "today" of lib/as-of.ts.
 */
export function loadInventorySnapshot(db: Db, takenOn: IsoDate = new Date().toISOString().slice(0, 10)): InventorySnapshot {
  const stateRows = db
    .select({ code: memberStates.code, name: memberStates.name, accessionDate: memberStates.accessionDate, exitDate: memberStates.exitDate })
    .from(memberStates)
    .orderBy(asc(memberStates.code))
    .all();
  const instrumentRows = db
    .select({
      id: instruments.id,
      celex: instruments.celex,
      shortName: instruments.shortName,
      adoptionDate: instruments.adoptionDate,
      transpositionDeadline: instruments.transpositionDeadline,
      repealedBy: instruments.repealedBy,
      repealedFrom: instruments.repealedFrom,
    })
    .from(instruments)
    .orderBy(asc(instruments.adoptionDate), asc(instruments.id))
    .all();
  const provisionRows = db
    .select({
      id: provisions.id,
      instrumentId: provisions.instrumentId,
      kind: provisions.kind,
      number: provisions.number,
      position: provisions.position,
      requiresTransposition: provisions.requiresTransposition,
      deadline: provisions.deadline,
    })
    .from(provisions)
    .orderBy(asc(provisions.instrumentId), asc(provisions.position))
    .all();

  const obligationRows = db.select({ id: obligations.id, key: obligations.key }).from(obligations).orderBy(asc(obligations.id)).all();
  const propertiesByObligation = groupBy(
    db.select().from(obligationSecurityProperties).all(),
    (r) => r.obligationId,
    (r): SecurityProperty => r.property,
  );
  const provisionsByObligation = groupBy(
    db.select().from(provisionObligations).orderBy(asc(provisionObligations.provisionId)).all(),
    (r) => r.obligationId,
    (r) => r.provisionId,
  );

  // The principal measure's dates date an undated complete notification (lib/indicators/transposition-deficit.ts).
  const notificationRows = db
    .select({
      stateCode: notifications.stateCode,
      instrumentId: notifications.instrumentId,
      status: notifications.status,
      notifiedOn: notifications.notifiedOn,
      principalId: nationalMeasures.id,
      principalNotifiedOn: nationalMeasures.notifiedOn,
      principalInForceOn: nationalMeasures.inForceOn,
      principalAdoptedOn: nationalMeasures.adoptedOn,
      principalPublishedOn: nationalMeasures.publishedOn,
    })
    .from(notifications)
    .leftJoin(nationalMeasures, eq(nationalMeasures.id, notifications.principalMeasureId))
    .all();

  const transpositionRows = db
    .select({ id: transpositions.id, stateCode: transpositions.stateCode, provisionId: transpositions.provisionId, status: transpositions.status, relation: transpositions.relation })
    .from(transpositions)
    .orderBy(asc(transpositions.id))
    .all();
  // Only the dates of the cited measures: the earliest known one is what lib/as-of.ts counts a measure from.
  const measuresByTransposition = groupBy(
    db
      .select({
        transpositionId: transpositionMeasures.transpositionId,
        knownFrom: sql<string | null>`coalesce(${nationalMeasures.adoptedOn}, ${nationalMeasures.publishedOn}, ${nationalMeasures.inForceOn})`,
        repealedOn: nationalMeasures.repealedOn,
      })
      .from(transpositionMeasures)
      .innerJoin(nationalMeasures, eq(nationalMeasures.id, transpositionMeasures.measureId))
      .all(),
    (r) => r.transpositionId,
    (r): SnapshotMeasureDates => ({ knownFrom: r.knownFrom, repealedOn: r.repealedOn }),
  );

  const infringementRows = db
    .select({
      id: infringements.id,
      stateCode: infringements.stateCode,
      instrumentId: infringements.instrumentId,
      type: infringements.type,
      procedureNumber: infringements.procedureNumber,
      courtCase: infringements.courtCase,
    })
    .from(infringements)
    .orderBy(asc(infringements.id))
    .all();
  const stagesByInfringement = groupBy(
    db.select().from(infringementStageEvents).orderBy(asc(infringementStageEvents.id)).all(),
    (r) => r.infringementId,
    (r): SnapshotInfringementStage => ({ stage: r.stage, date: r.date }),
  );

  return {
    takenOn,
    memberStates: stateRows,
    instruments: instrumentRows,
    provisions: provisionRows,
    obligations: obligationRows.map((o) => ({ ...o, securityProperties: propertiesByObligation.get(o.id) ?? [], provisionIds: provisionsByObligation.get(o.id) ?? [] })),
    notifications: notificationRows.map((n) => ({
      stateCode: n.stateCode,
      instrumentId: n.instrumentId,
      status: n.status,
      notifiedOn: n.notifiedOn,
      principalMeasure:
        n.principalId === null ? null : { notifiedOn: n.principalNotifiedOn, inForceOn: n.principalInForceOn, adoptedOn: n.principalAdoptedOn, publishedOn: n.principalPublishedOn },
    })),
    transpositions: transpositionRows.map((t) => ({ ...t, measures: measuresByTransposition.get(t.id) ?? [] })),
    infringements: infringementRows.map((f) => ({ ...f, stages: stagesByInfringement.get(f.id) ?? [] })),
  };
}

interface CachedSnapshot {
  key: string;
  snapshot: InventorySnapshot;
}
const snapshotCache = new WeakMap<Db, CachedSnapshot>();

/**
 * `loadInventorySnapshot`, reused while the database has not changed: the key
 * is SQLite's `data_version` (bumped by commits of other connections) with
 * this connection's `total_changes()` (bumped by its own writes) and the day,
 * so any write anywhere makes the next request read afresh. The dashboard,
 * the gap matrix and the charts read one snapshot per request through it.
 */
export function loadInventorySnapshotCached(db: Db, takenOn: IsoDate = new Date().toISOString().slice(0, 10)): InventorySnapshot {
  const dataVersion = db.get<{ data_version: number }>(sql`pragma data_version`)?.data_version ?? 0;
  const changes = db.get<{ changes: number }>(sql`select total_changes() as changes`)?.changes ?? 0;
  const key = `${dataVersion}|${changes}|${takenOn}`;
  const cached = snapshotCache.get(db);
  if (cached && cached.key === key) return cached.snapshot;
  const snapshot = loadInventorySnapshot(db, takenOn);
  snapshotCache.set(db, { key, snapshot });
  return snapshot;
}
