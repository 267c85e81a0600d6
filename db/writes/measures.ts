import { InvalidReferenceError } from "@/lib/errors";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, measureInstruments, nationalMeasures, notifications, sources, transpositionMeasures } from "../schema";
import type { MeasureInput } from "../../lib/validation/measure";
import type { EntityWriter, Snapshot } from "./entity";
import { storedDateColumns, toPartialDateText } from "../../lib/partial-date";
import { ensureSource } from "./sources";

function instrumentIds(db: Db, celexes: string[]): number[] {
  const rows = db.select({ id: instruments.id, celex: instruments.celex }).from(instruments).where(inArray(instruments.celex, celexes)).all();
  const missing = celexes.filter((c) => !rows.some((r) => r.celex === c));
  if (missing.length) throw new InvalidReferenceError("instruments", `Unknown instrument ${missing.join(", ")}.`);
  return rows.map((r) => r.id);
}

function assertKeyFree(db: Db, key: string, exceptId?: number) {
  const clash = db
    .select({ id: nationalMeasures.id })
    .from(nationalMeasures)
    .where(exceptId ? and(eq(nationalMeasures.key, key), ne(nationalMeasures.id, exceptId)) : eq(nationalMeasures.key, key))
    .get();
  if (clash) throw new InvalidReferenceError("key", `Another measure already has the key ${key}.`);
}

/** A measure's dates, each stored with its precision (lib/partial-date.ts). */
export const MEASURE_DATE_FIELDS = ["adoptedOn", "publishedOn", "inForceOn", "notifiedOn", "repealedOn"] as const;

function columns(db: Db, actor: Parameters<EntityWriter<MeasureInput>["insert"]>[1], m: MeasureInput) {
  return {
    key: m.key,
    stateCode: m.stateCode,
    titleOriginal: m.titleOriginal,
    titleEnglish: m.titleEnglish,
    titleEnglishIsWorkingTranslation: m.titleEnglishIsWorkingTranslation,
    workingTitleFr: m.workingTitleFr,
    workingTitleDe: m.workingTitleDe,
    language: m.language,
    type: m.type,
    nationalIdentifier: m.nationalIdentifier,
    ...storedDateColumns(m, MEASURE_DATE_FIELDS),
    publicationReference: m.publicationReference,
    url: m.url,
    status: m.status,
    note: m.note,
    sourceId: ensureSource(db, actor, m),
    verification: m.verification,
  };
}

export const measureWriter: EntityWriter<MeasureInput> = {
  entity: "national_measure",

  snapshot(db, id) {
    const row = db
      .select({ m: nationalMeasures, sourceUrl: sources.url, sourceTitle: sources.title, sourceMethod: sources.method })
      .from(nationalMeasures)
      .innerJoin(sources, eq(sources.id, nationalMeasures.sourceId))
      .where(eq(nationalMeasures.id, id))
      .get();
    if (!row) return undefined;
    const linked = db
      .select({ celex: instruments.celex })
      .from(measureInstruments)
      .innerJoin(instruments, eq(instruments.id, measureInstruments.instrumentId))
      .where(eq(measureInstruments.measureId, id))
      .orderBy(instruments.celex)
      .all();
    const {
      sourceId: _sourceId,
      updatedAt: _updatedAt,
      isSynthetic: _isSynthetic,
      adoptedOnPrecision,
      publishedOnPrecision,
      inForceOnPrecision,
      notifiedOnPrecision,
      repealedOnPrecision,
      ...fields
    } = row.m;
    // Dates read back as the source gave them ("1999-12"), for the form, history and submissions alike.
    const dates = {
      adoptedOn: toPartialDateText(fields.adoptedOn, adoptedOnPrecision),
      publishedOn: toPartialDateText(fields.publishedOn, publishedOnPrecision),
      inForceOn: toPartialDateText(fields.inForceOn, inForceOnPrecision),
      notifiedOn: toPartialDateText(fields.notifiedOn, notifiedOnPrecision),
      repealedOn: toPartialDateText(fields.repealedOn, repealedOnPrecision),
    };
    return {
      ...fields,
      ...dates,
      instruments: linked.map((l) => l.celex),
      sourceUrl: row.sourceUrl,
      sourceTitle: row.sourceTitle,
      sourceMethod: row.sourceMethod,
    } satisfies Snapshot;
  },

  insert(db, actor, m) {
    assertKeyFree(db, m.key);
    const ids = instrumentIds(db, m.instruments);
    const id = db
      .insert(nationalMeasures)
      .values(columns(db, actor, m))
      .returning({ id: nationalMeasures.id })
      .get().id;
    for (const instrumentId of ids) db.insert(measureInstruments).values({ measureId: id, instrumentId }).run();
    return id;
  },

  update(db, actor, id, m) {
    assertKeyFree(db, m.key, id);
    const ids = instrumentIds(db, m.instruments);
    db.update(nationalMeasures)
      .set({ ...columns(db, actor, m), version: sql`${nationalMeasures.version} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(nationalMeasures.id, id))
      .run();
    db.delete(measureInstruments).where(eq(measureInstruments.measureId, id)).run();
    for (const instrumentId of ids) db.insert(measureInstruments).values({ measureId: id, instrumentId }).run();
  },

  remove(db, id) {
    const usedBy = db
      .select({ n: sql<number>`count(*)` })
      .from(transpositionMeasures)
      .where(eq(transpositionMeasures.measureId, id))
      .get()!.n;
    if (usedBy > 0) throw new InvalidReferenceError("_form", `This measure is cited by ${usedBy} transposition(s); remove it from them first.`);
    const principalOf = db
      .select({ n: sql<number>`count(*)` })
      .from(notifications)
      .where(eq(notifications.principalMeasureId, id))
      .get()!.n;
    if (principalOf > 0)
      throw new InvalidReferenceError("_form", `This measure is the principal measure of ${principalOf} notification(s); change them first.`);
    db.delete(nationalMeasures).where(eq(nationalMeasures.id, id)).run();
  },
};
