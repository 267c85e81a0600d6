import type { DatePrecision } from "@/lib/vocabulary";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { infringements, infringementStageEvents, instruments, memberStates, nationalMeasures, sources } from "../schema";

export type MemberState = typeof memberStates.$inferSelect;
export type NationalMeasure = typeof nationalMeasures.$inferSelect;

export function listMemberStates(db: Db): MemberState[] {
  return db.select().from(memberStates).orderBy(asc(memberStates.name)).all();
}

export interface InfringementRow {
  id: number;
  celex: string;
  shortName: string;
  type: string;
  procedureNumber: string | null;
  courtCase: string | null;
  outcome: string | null;
  verification: string;
  stages: { stage: string; date: string | null; datePrecision: DatePrecision | null; note: string | null }[];
}

export interface MemberStateDetail {
  state: MemberState;
  source: typeof sources.$inferSelect;
  /** The first `infringementLimit` proceedings, in the instruments' adoption order, and how many there are. */
  infringements: InfringementRow[];
  infringementCount: number;
}

/** A state with its source and infringement proceedings; its instruments are summarised by ./member-state-summary.ts. */
export function findMemberStateDetail(db: Db, code: string, infringementLimit: number): MemberStateDetail | null {
  const row = db.select().from(memberStates).innerJoin(sources, eq(sources.id, memberStates.sourceId)).where(eq(memberStates.code, code)).get();
  if (!row) return null;
  const { rows, total } = listStateInfringements(db, code, { limit: infringementLimit });
  return { state: row.member_states, source: row.sources, infringements: rows, infringementCount: total };
}

/** A state's infringement proceedings with their stages, optionally for one instrument, at most `limit` of them. */
export function listStateInfringements(db: Db, code: string, options: { instrumentId?: number; limit: number }): { rows: InfringementRow[]; total: number } {
  const where = and(eq(infringements.stateCode, code), options.instrumentId === undefined ? undefined : eq(infringements.instrumentId, options.instrumentId));
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(infringements)
      .where(where)
      .get()?.n ?? 0;
  const infringementRows = db
    .select({ f: infringements, celex: instruments.celex, shortName: instruments.shortName })
    .from(infringements)
    .innerJoin(instruments, eq(instruments.id, infringements.instrumentId))
    .where(where)
    .orderBy(asc(instruments.adoptionDate), asc(infringements.id))
    .limit(options.limit)
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
  const stagesOf = new Map<number, InfringementRow["stages"]>();
  for (const s of stageRows)
    stagesOf.set(s.infringementId, [...(stagesOf.get(s.infringementId) ?? []), { stage: s.stage, date: s.date, datePrecision: s.datePrecision, note: s.note }]);
  return {
    total,
    rows: infringementRows.map((r) => ({
      id: r.f.id,
      celex: r.celex,
      shortName: r.shortName,
      type: r.f.type,
      procedureNumber: r.f.procedureNumber,
      courtCase: r.f.courtCase,
      outcome: r.f.outcome,
      verification: r.f.verification,
      stages: stagesOf.get(r.f.id) ?? [],
    })),
  };
}

/** A state alone (for pages that need its name and dates, not its records). */
export function findMemberState(db: Db, code: string): MemberState | null {
  return db.select().from(memberStates).where(eq(memberStates.code, code)).get() ?? null;
}
