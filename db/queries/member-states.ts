import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { infringements, infringementStageEvents, instruments, measureInstruments, memberStates, nationalMeasures, notifications, provisions, sources, transpositions } from "../schema";

export type MemberState = typeof memberStates.$inferSelect;
export type NationalMeasure = typeof nationalMeasures.$inferSelect;

export function listMemberStates(db: Db): MemberState[] {
  return db.select().from(memberStates).orderBy(asc(memberStates.name)).all();
}

export interface MeasureRow extends NationalMeasure {
  source: typeof sources.$inferSelect;
  isPrincipal: boolean;
}

export interface InstrumentSection {
  instrumentId: number;
  adoptionDate: string;
  celex: string;
  shortName: string;
  title: string;
  notification: { id: number; status: string; notifiedOn: string | null; verification: string } | null;
  measures: MeasureRow[];
}

export interface MemberStateDetail {
  state: MemberState;
  source: typeof sources.$inferSelect;
  instruments: InstrumentSection[];
  infringements: {
    id: number;
    celex: string;
    shortName: string;
    type: string;
    procedureNumber: string | null;
    courtCase: string | null;
    outcome: string | null;
    verification: string;
    stages: { stage: string; date: string | null; note: string | null }[];
  }[];
}

/** A state's measures grouped by the instruments they transpose (a measure may appear under several). */
export function findMemberStateDetail(db: Db, code: string): MemberStateDetail | null {
  const row = db.select().from(memberStates).innerJoin(sources, eq(sources.id, memberStates.sourceId)).where(eq(memberStates.code, code)).get();
  if (!row) return null;
  const allInstruments = db.select().from(instruments).orderBy(asc(instruments.adoptionDate)).all();
  const measureRows = db
    .select({ measure: nationalMeasures, source: sources, instrumentId: measureInstruments.instrumentId })
    .from(nationalMeasures)
    .innerJoin(measureInstruments, eq(measureInstruments.measureId, nationalMeasures.id))
    .innerJoin(sources, eq(sources.id, nationalMeasures.sourceId))
    .where(eq(nationalMeasures.stateCode, code))
    .orderBy(asc(nationalMeasures.adoptedOn), asc(nationalMeasures.id))
    .all();
  const notificationRows = db.select().from(notifications).where(eq(notifications.stateCode, code)).all();
  const instrumentsWithRows = new Set(
    db
      .selectDistinct({ id: provisions.instrumentId })
      .from(transpositions)
      .innerJoin(provisions, eq(provisions.id, transpositions.provisionId))
      .where(eq(transpositions.stateCode, code))
      .all()
      .map((r) => r.id),
  );
  const infringementRows = db
    .select({ f: infringements, celex: instruments.celex, shortName: instruments.shortName })
    .from(infringements)
    .innerJoin(instruments, eq(instruments.id, infringements.instrumentId))
    .where(eq(infringements.stateCode, code))
    .orderBy(asc(instruments.adoptionDate))
    .all();
  const stageRows = infringementRows.length
    ? db
        .select()
        .from(infringementStageEvents)
        .where(
          inArray(
            infringementStageEvents.infringementId,
            infringementRows.map((r) => r.f.id),
          ),
        )
        .orderBy(asc(infringementStageEvents.id))
        .all()
    : [];

  const sections = allInstruments
    .map((instrument): InstrumentSection => {
      const notification = notificationRows.find((n) => n.instrumentId === instrument.id) ?? null;
      return {
        instrumentId: instrument.id,
        adoptionDate: instrument.adoptionDate,
        celex: instrument.celex,
        shortName: instrument.shortName,
        title: instrument.title,
        notification: notification && { id: notification.id, status: notification.status, notifiedOn: notification.notifiedOn, verification: notification.verification },
        measures: measureRows
          .filter((m) => m.instrumentId === instrument.id)
          .map((m) => ({ ...m.measure, source: m.source, isPrincipal: notification?.principalMeasureId === m.measure.id })),
      };
    })
    .filter((s) => s.measures.length > 0 || s.notification || instrumentsWithRows.has(s.instrumentId));

  return {
    state: row.member_states,
    source: row.sources,
    instruments: sections,
    infringements: infringementRows.map((r) => ({
      id: r.f.id,
      celex: r.celex,
      shortName: r.shortName,
      type: r.f.type,
      procedureNumber: r.f.procedureNumber,
      courtCase: r.f.courtCase,
      outcome: r.f.outcome,
      verification: r.f.verification,
      stages: stageRows.filter((s) => s.infringementId === r.f.id).map((s) => ({ stage: s.stage, date: s.date, note: s.note })),
    })),
  };
}
