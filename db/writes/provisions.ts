import { InvalidReferenceError } from "@/lib/errors";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, obligations, provisionObligations, provisions, sources, transpositions } from "../schema";
import type { ProvisionInput } from "../../lib/validation/provision";
import type { EntityWriter, Snapshot } from "./entity";
import { ensureSource } from "./sources";

function instrumentId(db: Db, celex: string): number {
  const row = db.select({ id: instruments.id }).from(instruments).where(eq(instruments.celex, celex)).get();
  if (!row) throw new InvalidReferenceError("instrument", `Unknown instrument ${celex}.`);
  return row.id;
}

function obligationIds(db: Db, keys: string[]): number[] {
  if (!keys.length) return [];
  const rows = db.select({ id: obligations.id, key: obligations.key }).from(obligations).where(inArray(obligations.key, keys)).all();
  const missing = keys.filter((k) => !rows.some((r) => r.key === k));
  if (missing.length) throw new InvalidReferenceError("obligationKeys", `Unknown obligation ${missing.join(", ")}.`);
  return rows.map((r) => r.id);
}

function assertNumberFree(db: Db, instrument: number, p: ProvisionInput, exceptId?: number) {
  const clash = db
    .select({ id: provisions.id })
    .from(provisions)
    .where(
      and(
        eq(provisions.instrumentId, instrument),
        eq(provisions.kind, p.kind),
        eq(provisions.number, p.number),
        exceptId ? ne(provisions.id, exceptId) : undefined,
      ),
    )
    .get();
  if (clash) throw new InvalidReferenceError("number", `The instrument already has ${p.kind} ${p.number}.`);
}

function linkObligations(db: Db, provisionId: number, ids: number[]) {
  db.delete(provisionObligations).where(eq(provisionObligations.provisionId, provisionId)).run();
  for (const obligationId of ids) db.insert(provisionObligations).values({ provisionId, obligationId }).run();
}

/** Provisions and their obligation mapping: reference data, edited by staff only (reference.edit). */
export const provisionWriter: EntityWriter<ProvisionInput> = {
  entity: "provision",

  snapshot(db, id) {
    const row = db
      .select({ p: provisions, celex: instruments.celex, sourceUrl: sources.url, sourceTitle: sources.title, sourceMethod: sources.method })
      .from(provisions)
      .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
      .innerJoin(sources, eq(sources.id, provisions.sourceId))
      .where(eq(provisions.id, id))
      .get();
    if (!row) return undefined;
    const linked = db
      .select({ key: obligations.key })
      .from(provisionObligations)
      .innerJoin(obligations, eq(obligations.id, provisionObligations.obligationId))
      .where(eq(provisionObligations.provisionId, id))
      .orderBy(asc(obligations.key))
      .all();
    const { sourceId: _s, updatedAt: _u, instrumentId: _i, position: _p, ...fields } = row.p;
    return {
      ...fields,
      stateCode: null,
      instrument: row.celex,
      obligationKeys: linked.map((l) => l.key),
      sourceUrl: row.sourceUrl,
      sourceTitle: row.sourceTitle,
      sourceMethod: row.sourceMethod,
    } satisfies Snapshot;
  },

  insert(db, actor, p) {
    const instrument = instrumentId(db, p.instrument);
    assertNumberFree(db, instrument, p);
    const ids = obligationIds(db, p.obligationKeys);
    const position =
      (db
        .select({ max: sql<number | null>`max(${provisions.position})` })
        .from(provisions)
        .where(eq(provisions.instrumentId, instrument))
        .get()?.max ?? -1) + 1;
    const id = db
      .insert(provisions)
      .values({
        instrumentId: instrument,
        kind: p.kind,
        number: p.number,
        position,
        heading: p.heading,
        summary: p.summary,
        requiresTransposition: p.requiresTransposition,
        securityRelevant: p.securityRelevant,
        deadline: p.deadline,
        sourceId: ensureSource(db, actor, p),
        verification: p.verification,
      })
      .returning({ id: provisions.id })
      .get().id;
    linkObligations(db, id, ids);
    return id;
  },

  update(db, actor, id, p) {
    const instrument = instrumentId(db, p.instrument);
    const current = db.select({ instrumentId: provisions.instrumentId }).from(provisions).where(eq(provisions.id, id)).get()!;
    if (current.instrumentId !== instrument)
      throw new InvalidReferenceError("instrument", "A provision cannot move to another instrument; create it there instead.");
    assertNumberFree(db, instrument, p, id);
    const ids = obligationIds(db, p.obligationKeys);
    db.update(provisions)
      .set({
        kind: p.kind,
        number: p.number,
        heading: p.heading,
        summary: p.summary,
        requiresTransposition: p.requiresTransposition,
        securityRelevant: p.securityRelevant,
        deadline: p.deadline,
        sourceId: ensureSource(db, actor, p),
        verification: p.verification,
        version: sql`${provisions.version} + 1`,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(provisions.id, id))
      .run();
    linkObligations(db, id, ids);
  },

  remove(db, id) {
    const used = db
      .select({ n: sql<number>`count(*)` })
      .from(transpositions)
      .where(eq(transpositions.provisionId, id))
      .get()!.n;
    if (used > 0) throw new InvalidReferenceError("_form", `${used} Member State correspondence(s) refer to this provision; it cannot be deleted.`);
    db.delete(provisions).where(eq(provisions.id, id)).run();
  },
};
