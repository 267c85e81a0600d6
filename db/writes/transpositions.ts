import { InvalidReferenceError } from "@/lib/errors";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, nationalMeasures, provisions, sources, transpositionMeasures, transpositions } from "../schema";
import { actorLabel, type Actor } from "../../lib/policy";
import type { TranspositionInput } from "../../lib/validation/transposition";
import type { EntityWriter, Snapshot } from "./entity";
import { ensureSource } from "./sources";

/** Measure ids for keys, all of the transposition's own state (the scope is in the WHERE). */
function measureIds(db: Db, stateCode: string, keys: string[]): number[] {
  if (keys.length === 0) return [];
  const rows = db
    .select({ id: nationalMeasures.id, key: nationalMeasures.key })
    .from(nationalMeasures)
    .where(and(eq(nationalMeasures.stateCode, stateCode), inArray(nationalMeasures.key, keys)))
    .all();
  const missing = keys.filter((k) => !rows.some((r) => r.key === k));
  if (missing.length) throw new InvalidReferenceError("measureKeys", `No measure of ${stateCode} has the key ${missing.join(", ")}.`);
  return rows.map((r) => r.id);
}

function assertProvision(db: Db, provisionId: number) {
  if (!db.select({ id: provisions.id }).from(provisions).where(eq(provisions.id, provisionId)).get())
    throw new InvalidReferenceError("provisionId", "Unknown provision.");
}

function assertUnique(db: Db, t: TranspositionInput, exceptId?: number) {
  const where = and(
    eq(transpositions.stateCode, t.stateCode),
    eq(transpositions.provisionId, t.provisionId),
    exceptId ? ne(transpositions.id, exceptId) : undefined,
  );
  if (db.select({ id: transpositions.id }).from(transpositions).where(where).get())
    throw new InvalidReferenceError("provisionId", `${t.stateCode} already has an entry for this provision; edit that one.`);
}

function columns(db: Db, actor: Actor, t: TranspositionInput) {
  return {
    stateCode: t.stateCode,
    provisionId: t.provisionId,
    status: t.status,
    relation: t.relation,
    nationalProvision: t.nationalProvision,
    note: t.note,
    assessorId: actor.kind === "user" ? actor.id : null,
    assessorName: actorLabel(actor),
    assessedAt: new Date().toISOString(),
    sourceId: ensureSource(db, actor, t),
    verification: t.verification,
  };
}

function linkMeasures(db: Db, id: number, ids: number[]) {
  db.delete(transpositionMeasures).where(eq(transpositionMeasures.transpositionId, id)).run();
  for (const measureId of ids) db.insert(transpositionMeasures).values({ transpositionId: id, measureId }).run();
}

export const transpositionWriter: EntityWriter<TranspositionInput> = {
  entity: "transposition",

  snapshot(db, id) {
    const row = db
      .select({
        t: transpositions,
        celex: instruments.celex,
        provisionKind: provisions.kind,
        provisionNumber: provisions.number,
        sourceUrl: sources.url,
        sourceTitle: sources.title,
        sourceMethod: sources.method,
      })
      .from(transpositions)
      .innerJoin(provisions, eq(provisions.id, transpositions.provisionId))
      .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
      .leftJoin(sources, eq(sources.id, transpositions.sourceId))
      .where(eq(transpositions.id, id))
      .get();
    if (!row) return undefined;
    const measures = db
      .select({ key: nationalMeasures.key })
      .from(transpositionMeasures)
      .innerJoin(nationalMeasures, eq(nationalMeasures.id, transpositionMeasures.measureId))
      .where(eq(transpositionMeasures.transpositionId, id))
      .orderBy(nationalMeasures.key)
      .all();
    // The counts_* window is derived from the measures (migration 0008), not an edited field.
    const { sourceId: _s, updatedAt: _u, isSynthetic: _i, assessorId: _a, countsFrom: _f, countsUntil: _t, countsByWindow: _w, ...fields } = row.t;
    return {
      ...fields,
      provision: `${row.celex} ${row.provisionKind} ${row.provisionNumber}`,
      measureKeys: measures.map((m) => m.key),
      sourceUrl: row.sourceUrl,
      sourceTitle: row.sourceTitle,
      sourceMethod: row.sourceMethod,
    } satisfies Snapshot;
  },

  insert(db, actor, t) {
    assertProvision(db, t.provisionId);
    assertUnique(db, t);
    const ids = measureIds(db, t.stateCode, t.measureKeys);
    const id = db
      .insert(transpositions)
      .values(columns(db, actor, t))
      .returning({ id: transpositions.id })
      .get().id;
    linkMeasures(db, id, ids);
    return id;
  },

  update(db, actor, id, t) {
    assertProvision(db, t.provisionId);
    assertUnique(db, t, id);
    const ids = measureIds(db, t.stateCode, t.measureKeys);
    db.update(transpositions)
      .set({ ...columns(db, actor, t), version: sql`${transpositions.version} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(transpositions.id, id))
      .run();
    linkMeasures(db, id, ids);
  },

  remove(db, id) {
    db.delete(transpositions).where(eq(transpositions.id, id)).run();
  },
};
