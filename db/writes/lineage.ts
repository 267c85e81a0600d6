import { InvalidReferenceError } from "@/lib/errors";
import { eq, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { instrumentLineage, instruments, sources } from "../schema";
import type { LineageInput } from "../../lib/validation/lineage";
import { refuseLineageEdge, type LineageEdge } from "../../lib/lineage";
import type { EntityWriter, Snapshot } from "./entity";
import { ensureSource } from "./sources";

function instrumentId(db: Db, celex: string, field: string): number {
  const row = db.select({ id: instruments.id }).from(instruments).where(eq(instruments.celex, celex)).get();
  if (!row) throw new InvalidReferenceError(field, `Unknown instrument ${celex}.`);
  return row.id;
}

/**
 * The edge the input describes, checked against every other edge inside the
 * write's transaction: a cycle, a date before adoption or a duplicate is
 * refused with the field to blame (lib/lineage.ts).
 */
function checkedEdge(db: Db, l: LineageInput, exceptId?: number): LineageEdge {
  const edge: LineageEdge = {
    instrumentId: instrumentId(db, l.instrument, "instrument"),
    relation: l.relation,
    successorId: instrumentId(db, l.successor, "successor"),
    fromDate: l.fromDate,
  };
  const all = db
    .select({ id: instruments.id, celex: instruments.celex, shortName: instruments.shortName, adoptionDate: instruments.adoptionDate })
    .from(instruments)
    .all();
  const others = db
    .select({
      instrumentId: instrumentLineage.instrumentId,
      relation: instrumentLineage.relation,
      successorId: instrumentLineage.successorId,
      fromDate: instrumentLineage.fromDate,
    })
    .from(instrumentLineage)
    .where(exceptId ? ne(instrumentLineage.id, exceptId) : undefined)
    .all();
  const refusal = refuseLineageEdge(edge, all, others);
  if (refusal) throw new InvalidReferenceError(refusal.field, refusal.message);
  return edge;
}

/** Lineage relations between instruments: reference data, edited by staff (reference.edit). */
export const lineageWriter: EntityWriter<LineageInput> = {
  entity: "instrument_lineage",

  snapshot(db, id) {
    const row = db
      .select({ e: instrumentLineage, source: sources })
      .from(instrumentLineage)
      .innerJoin(sources, eq(sources.id, instrumentLineage.sourceId))
      .where(eq(instrumentLineage.id, id))
      .get();
    if (!row) return undefined;
    const celexOf = (instrument: number) => db.select({ celex: instruments.celex }).from(instruments).where(eq(instruments.id, instrument)).get()!.celex;
    const { e, source } = row;
    return {
      id: e.id,
      version: e.version,
      stateCode: null,
      instrument: celexOf(e.instrumentId),
      relation: e.relation,
      successor: celexOf(e.successorId),
      fromDate: e.fromDate,
      note: e.note,
      verification: e.verification,
      sourceUrl: source.url,
      sourceTitle: source.title,
      sourceMethod: source.method,
    } satisfies Snapshot;
  },

  insert(db, actor, l) {
    const edge = checkedEdge(db, l);
    return db
      .insert(instrumentLineage)
      .values({ ...edge, note: l.note, sourceId: ensureSource(db, actor, l), verification: l.verification })
      .returning({ id: instrumentLineage.id })
      .get().id;
  },

  update(db, actor, id, l) {
    const edge = checkedEdge(db, l, id);
    db.update(instrumentLineage)
      .set({
        ...edge,
        note: l.note,
        sourceId: ensureSource(db, actor, l),
        verification: l.verification,
        version: sql`${instrumentLineage.version} + 1`,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(instrumentLineage.id, id))
      .run();
  },

  remove(db, id) {
    db.delete(instrumentLineage).where(eq(instrumentLineage.id, id)).run();
  },
};
