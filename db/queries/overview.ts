import { desc, sql } from "drizzle-orm";

// Correlated subqueries name the outer table literally: drizzle renders a single-table select's columns unqualified.
import type { Db } from "../client";
import {
  auditEvents,
  instruments,
  measureInstruments,
  memberStates,
  nationalMeasures,
  notifications,
  provisionObligations,
  provisions,
  transpositions,
} from "../schema";

export interface InstrumentCount {
  celex: string;
  shortName: string;
  provisions: number;
  obligations: number;
  measures: number;
  completeNotifications: number;
  assessedTranspositions: number;
}

/** The counts of the first `limit` instruments by adoption date (all without a limit): each row costs a few index scans. */
export function countPerInstrument(db: Db, options: { limit?: number } = {}): InstrumentCount[] {
  const query = db
    .select({
      celex: instruments.celex,
      shortName: instruments.shortName,
      provisions: sql<number>`(select count(*) from ${provisions} p where p.instrument_id = "instruments"."id")`,
      obligations: sql<number>`(select count(distinct po.obligation_id) from ${provisionObligations} po join ${provisions} p on p.id = po.provision_id where p.instrument_id = "instruments"."id")`,
      measures: sql<number>`(select count(*) from ${measureInstruments} mi where mi.instrument_id = "instruments"."id")`,
      completeNotifications: sql<number>`(select count(*) from ${notifications} n where n.instrument_id = "instruments"."id" and n.status = 'complete')`,
      assessedTranspositions: sql<number>`(select count(*) from ${transpositions} t join ${provisions} p on p.id = t.provision_id where p.instrument_id = "instruments"."id" and t.status <> 'unknown')`,
    })
    .from(instruments)
    .orderBy(instruments.adoptionDate, instruments.id);
  return (options.limit === undefined ? query : query.limit(options.limit)).all();
}

/** Instruments and provisions in the inventory. */
export function inventoryTotals(db: Db): { instruments: number; provisions: number } {
  const count = (table: typeof instruments | typeof provisions) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .get()?.n ?? 0;
  return { instruments: count(instruments), provisions: count(provisions) };
}

export interface StateCount {
  code: string;
  name: string;
  accessionDate: string;
  exitDate: string | null;
  measures: number;
  notifications: number;
}

export function countPerState(db: Db): StateCount[] {
  return db
    .select({
      code: memberStates.code,
      name: memberStates.name,
      accessionDate: memberStates.accessionDate,
      exitDate: memberStates.exitDate,
      measures: sql<number>`(select count(*) from ${nationalMeasures} m where m.state_code = "member_states"."code")`,
      notifications: sql<number>`(select count(*) from ${notifications} n where n.state_code = "member_states"."code")`,
    })
    .from(memberStates)
    .orderBy(memberStates.code)
    .all();
}

/** The time of the latest change of any kind: every write leaves an audit event. */
export function lastUpdatedAt(db: Db): string | null {
  return db.select({ at: auditEvents.at }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get()?.at ?? null;
}
