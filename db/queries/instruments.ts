import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import type { NotificationStatus, SnapshotPrincipalMeasure } from "@/lib/indicators/inventory";
import {
  instruments,
  memberStates,
  nationalMeasures,
  notifications,
  obligations,
  obligationSecurityProperties,
  obligationThreats,
  provisionObligations,
  provisions,
  sources,
} from "../schema";

export type Instrument = typeof instruments.$inferSelect;

export function listInstruments(db: Db): Instrument[] {
  return db.select().from(instruments).orderBy(asc(instruments.adoptionDate)).all();
}

export interface ObligationSummary {
  id: number;
  key: string;
  duty: string;
  addressee: (typeof obligations.$inferSelect)["addressee"];
  verification: (typeof obligations.$inferSelect)["verification"];
  securityProperties: string[];
  threats: string[];
}

export interface ProvisionWithObligations {
  id: number;
  kind: string;
  number: string;
  heading: string;
  summary: string;
  requiresTransposition: boolean;
  securityRelevant: boolean;
  deadline: string | null;
  verification: string;
  obligations: ObligationSummary[];
}

export interface InstrumentDetail {
  instrument: Instrument;
  source: typeof sources.$inferSelect;
  provisions: ProvisionWithObligations[];
  notifications: {
    stateCode: string;
    stateName: string;
    status: NotificationStatus;
    notifiedOn: string | null;
    principalMeasureKey: string | null;
    principalMeasureTitle: string | null;
    /** The principal measure's dates, from which an undated complete notification is dated (lib/indicators/transposition-deficit.ts). */
    principalMeasure: SnapshotPrincipalMeasure | null;
    verification: string;
  }[];
}

/** Loads the obligations of the given provisions with their tags, in three queries whatever their number. */
export function obligationsByProvision(db: Db, provisionIds: number[]): Map<number, ObligationSummary[]> {
  const byProvision = new Map<number, ObligationSummary[]>();
  if (provisionIds.length === 0) return byProvision;
  const links = db
    .select({
      provisionId: provisionObligations.provisionId,
      id: obligations.id,
      key: obligations.key,
      duty: obligations.duty,
      addressee: obligations.addressee,
      verification: obligations.verification,
    })
    .from(provisionObligations)
    .innerJoin(obligations, eq(obligations.id, provisionObligations.obligationId))
    .where(inArray(provisionObligations.provisionId, provisionIds))
    .orderBy(asc(obligations.id))
    .all();
  const obligationIds = [...new Set(links.map((l) => l.id))];
  const props = new Map<number, string[]>();
  const threats = new Map<number, string[]>();
  if (obligationIds.length) {
    for (const p of db.select().from(obligationSecurityProperties).where(inArray(obligationSecurityProperties.obligationId, obligationIds)).all())
      props.set(p.obligationId, [...(props.get(p.obligationId) ?? []), p.property]);
    for (const t of db.select().from(obligationThreats).where(inArray(obligationThreats.obligationId, obligationIds)).all())
      threats.set(t.obligationId, [...(threats.get(t.obligationId) ?? []), t.threat]);
  }
  for (const { provisionId, ...o } of links) {
    const list = byProvision.get(provisionId) ?? [];
    list.push({ ...o, securityProperties: props.get(o.id) ?? [], threats: threats.get(o.id) ?? [] });
    byProvision.set(provisionId, list);
  }
  return byProvision;
}

export function findInstrumentDetail(db: Db, celex: string): InstrumentDetail | null {
  const row = db.select().from(instruments).innerJoin(sources, eq(sources.id, instruments.sourceId)).where(eq(instruments.celex, celex)).get();
  if (!row) return null;
  const instrument = row.instruments;
  const provisionRows = db.select().from(provisions).where(eq(provisions.instrumentId, instrument.id)).orderBy(asc(provisions.position)).all();
  const obligationMap = obligationsByProvision(
    db,
    provisionRows.map((p) => p.id),
  );
  const notificationRows = db
    .select({
      stateCode: notifications.stateCode,
      stateName: memberStates.name,
      status: notifications.status,
      notifiedOn: notifications.notifiedOn,
      principalMeasureKey: nationalMeasures.key,
      principalMeasureTitle: nationalMeasures.titleOriginal,
      principalNotifiedOn: nationalMeasures.notifiedOn,
      principalInForceOn: nationalMeasures.inForceOn,
      principalAdoptedOn: nationalMeasures.adoptedOn,
      principalPublishedOn: nationalMeasures.publishedOn,
      verification: notifications.verification,
    })
    .from(notifications)
    .innerJoin(memberStates, eq(memberStates.code, notifications.stateCode))
    .leftJoin(nationalMeasures, and(eq(nationalMeasures.id, notifications.principalMeasureId)))
    .where(eq(notifications.instrumentId, instrument.id))
    .orderBy(asc(notifications.stateCode))
    .all();
  return {
    instrument,
    source: row.sources,
    provisions: provisionRows.map((p) => ({
      id: p.id,
      kind: p.kind,
      number: p.number,
      heading: p.heading,
      summary: p.summary,
      requiresTransposition: p.requiresTransposition,
      securityRelevant: p.securityRelevant,
      deadline: p.deadline,
      verification: p.verification,
      obligations: obligationMap.get(p.id) ?? [],
    })),
    notifications: notificationRows.map(({ principalNotifiedOn, principalInForceOn, principalAdoptedOn, principalPublishedOn, ...n }) => ({
      ...n,
      principalMeasure:
        n.principalMeasureKey === null
          ? null
          : { notifiedOn: principalNotifiedOn, inForceOn: principalInForceOn, adoptedOn: principalAdoptedOn, publishedOn: principalPublishedOn },
    })),
  };
}

export interface ProvisionHead {
  id: number;
  instrumentId: number;
  kind: string;
  number: string;
  heading: string;
  requiresTransposition: boolean;
}

/** The provisions of several instruments in document order, in one query. */
export function listProvisionHeads(db: Db, instrumentIds: number[]): ProvisionHead[] {
  if (!instrumentIds.length) return [];
  return db
    .select({
      id: provisions.id,
      instrumentId: provisions.instrumentId,
      kind: provisions.kind,
      number: provisions.number,
      heading: provisions.heading,
      requiresTransposition: provisions.requiresTransposition,
    })
    .from(provisions)
    .where(inArray(provisions.instrumentId, instrumentIds))
    .orderBy(asc(provisions.instrumentId), asc(provisions.position))
    .all();
}
