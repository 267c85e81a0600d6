/**
 * Reads the inventory into the plain `InventorySnapshot` the indicators take
 * (lib/indicators), in ten queries whatever the number of states, provisions
 * or correspondences: one per table (notifications joined to their principal
 * measure), joined in memory.
 *
 * At the scale of the whole acquis (3 million correspondences) the whole
 * snapshot is gigabytes, so callers read a part (`SnapshotScope`): the
 * indicators of an instrument need only that instrument's provisions and
 * correspondences, and the Scoreboard-style ones none at all. Every indicator
 * computed per instrument gives the same result on a snapshot scoped to that
 * instrument as on the whole one (tests/integration/indicator-cache.test.ts).
 */
import { asc, eq, sql, type SQL } from "drizzle-orm";
import { repealEffectiveFrom } from "@/lib/indicators/timeline";
import type { Db } from "../client";
import { transpositionHeadFields } from "./transpositions";
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

/** Which part of the inventory to read; the default is all of it. */
export interface SnapshotScope {
  /**
   * Only these instruments, with their provisions, correspondences,
   * notifications and infringements (member states and obligations are
   * always read whole).
   */
  instrumentIds?: readonly number[];
  /** Read provisions and correspondences (default true); false for the Scoreboard-style indicators, which count notifications. */
  provisions?: boolean;
  /** Only provisions imposing some obligation (and their correspondences): all the obligation and security-property views need. */
  obligationProvisionsOnly?: boolean;
}

/** `column IN (the ids)` with the ids bound as one JSON parameter, so any number of them fits one statement. */
function inIds(column: SQL | { getSQL(): SQL }, ids: readonly number[]): SQL {
  return sql`${column} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/**
 * The inventory as it stands, for the indicators. `takenOn` is the day the
 * snapshot stands for — undated facts count from that day on — and defaults
 * to today (UTC), the "today" of lib/as-of.ts.
 */
export function loadInventorySnapshot(db: Db, takenOn: IsoDate = new Date().toISOString().slice(0, 10), scope: SnapshotScope = {}): InventorySnapshot {
  const ids = scope.instrumentIds;
  const withProvisions = scope.provisions ?? true;
  const byInstrument = (column: SQL | { getSQL(): SQL }): SQL | undefined => (ids ? inIds(column, ids) : undefined);
  const provisionFilter = (provisionId: SQL | { getSQL(): SQL }): SQL | undefined => {
    const parts: SQL[] = [];
    if (ids) parts.push(sql`${provisionId} in (select id from provisions where ${inIds(sql`instrument_id`, ids)})`);
    if (scope.obligationProvisionsOnly) parts.push(sql`${provisionId} in (select provision_id from provision_obligations)`);
    return parts.length ? sql.join(parts, sql` and `) : undefined;
  };
  const stateRows = db
    .select({ code: memberStates.code, name: memberStates.name, accessionDate: memberStates.accessionDate, exitDate: memberStates.exitDate })
    .from(memberStates)
    .orderBy(asc(memberStates.code))
    .all();
  // An undated repeal takes effect at the repealing act's adoption (lib/indicators/timeline.ts); the act need not be in the scope.
  const repealerAdoption = new Map(
    db
      .select({ celex: instruments.celex, adoptionDate: instruments.adoptionDate })
      .from(instruments)
      .where(sql`${instruments.celex} in (select repealed_by from instruments where repealed_by is not null and repealed_from is null)`)
      .all()
      .map((r) => [r.celex, r.adoptionDate]),
  );
  const adoptionOfRepealer = (celex: string) => repealerAdoption.get(celex);
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
    .where(ids ? inIds(instruments.id, ids) : undefined)
    .orderBy(asc(instruments.adoptionDate), asc(instruments.id))
    .all()
    .map((i) => ({ ...i, repealedFrom: repealEffectiveFrom(i, adoptionOfRepealer) }));
  const provisionRows = !withProvisions
    ? []
    : db
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
        .where(provisionFilter(provisions.id))
        .orderBy(asc(provisions.instrumentId), asc(provisions.position))
        .all();

  const obligationRows = db.select({ id: obligations.id, key: obligations.key }).from(obligations).orderBy(asc(obligations.id)).all();
  const propertiesByObligation = groupBy(
    db.select().from(obligationSecurityProperties).all(),
    (r) => r.obligationId,
    (r): SecurityProperty => r.property,
  );
  const provisionsByObligation = groupBy(
    !withProvisions
      ? []
      : db
          .select()
          .from(provisionObligations)
          .where(ids ? provisionFilter(provisionObligations.provisionId) : undefined)
          .orderBy(asc(provisionObligations.provisionId))
          .all(),
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
    .where(byInstrument(notifications.instrumentId))
    .all();

  const transpositionRows = !withProvisions
    ? []
    : db
        .select({
          ...transpositionHeadFields,
          countsByWindow: transpositions.countsByWindow,
          countsFrom: transpositions.countsFrom,
          countsUntil: transpositions.countsUntil,
        })
        .from(transpositions)
        .where(provisionFilter(transpositions.provisionId))
        // Sorting is for a stable whole snapshot; a scoped read skips it (75,000 rows a batch at scale).
        .orderBy(...(ids ? [] : [asc(transpositions.id)]))
        .all();
  // Only the dates of the cited measures: the earliest known one is what lib/as-of.ts counts a measure from.
  // Only for the rows whose measures are not one window (transpositions.counts_*): about 1 in 100 at scale.
  const measuresByTransposition = groupBy(
    !withProvisions
      ? []
      : db
          .select({
            transpositionId: transpositionMeasures.transpositionId,
            knownFrom: sql<string | null>`coalesce(${nationalMeasures.adoptedOn}, ${nationalMeasures.publishedOn}, ${nationalMeasures.inForceOn})`,
            repealedOn: nationalMeasures.repealedOn,
          })
          .from(transpositionMeasures)
          .innerJoin(nationalMeasures, eq(nationalMeasures.id, transpositionMeasures.measureId))
          .where(
            sql`${transpositionMeasures.transpositionId} in (select id from transpositions where not counts_by_window ${ids || scope.obligationProvisionsOnly ? sql`and ${provisionFilter(sql`provision_id`)}` : sql``})`,
          )
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
    .where(byInstrument(infringements.instrumentId))
    .orderBy(asc(infringements.id))
    .all();
  const stagesByInfringement = groupBy(
    db
      .select()
      .from(infringementStageEvents)
      .where(ids ? sql`${infringementStageEvents.infringementId} in (select id from infringements where ${inIds(sql`instrument_id`, ids)})` : undefined)
      .orderBy(asc(infringementStageEvents.id))
      .all(),
    (r) => r.infringementId,
    (r): SnapshotInfringementStage => ({ stage: r.stage, date: r.date }),
  );

  return {
    takenOn,
    memberStates: stateRows,
    instruments: instrumentRows,
    provisions: provisionRows,
    obligations: obligationRows.map((o) => ({
      ...o,
      securityProperties: propertiesByObligation.get(o.id) ?? [],
      provisionIds: provisionsByObligation.get(o.id) ?? [],
    })),
    notifications: notificationRows.map((n) => ({
      stateCode: n.stateCode,
      instrumentId: n.instrumentId,
      status: n.status,
      notifiedOn: n.notifiedOn,
      principalMeasure:
        n.principalId === null
          ? null
          : { notifiedOn: n.principalNotifiedOn, inForceOn: n.principalInForceOn, adoptedOn: n.principalAdoptedOn, publishedOn: n.principalPublishedOn },
    })),
    transpositions: transpositionRows.map(({ countsByWindow, countsFrom, countsUntil, ...t }) => ({
      ...t,
      measures: countsByWindow ? windowAsMeasure(countsFrom, countsUntil) : (measuresByTransposition.get(t.id) ?? []),
    })),
    infringements: infringementRows.map((f) => ({ ...f, stages: stagesByInfringement.get(f.id) ?? [] })),
  };
}

/**
 * A correspondence's window as the one measure the indicators' rule needs (lib/indicators/transposition-status.ts):
 * it counts from `from` until `until` exactly as its measures do together; none when it cites none.
 */
function windowAsMeasure(from: IsoDate | null, until: IsoDate | null): SnapshotMeasureDates[] {
  return from === null ? [] : [{ knownFrom: from, repealedOn: until }];
}
