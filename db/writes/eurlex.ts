/**
 * Applies an EUR-Lex import plan (lib/eurlex/plan.ts) inside the caller's IMMEDIATE transaction: the
 * instrument when it is new, its lineage to instruments in the inventory, each new measure, each matched
 * measure's changes (conflicting verified values only where the editor chose them) and the notification
 * dates that were missing — every change through the generic write path (db/writes/entity.ts), so each has its
 * version check and its audit event with the import as reason.
 */
import { InvalidReferenceError } from "@/lib/errors";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { recordAudit } from "../audit";
import { instruments, measureInstruments, nationalMeasures, notifications } from "../schema";
import type { Actor } from "@/lib/policy";
import { conflictChoice, instrumentSourceUrl, type ImportPlan } from "@/lib/eurlex/plan";
import { storedDateColumns } from "@/lib/partial-date";
import { lineageInput } from "@/lib/validation/lineage";
import type { MeasureInput } from "@/lib/validation/measure";
import { createIn, updateIn, type EntityWriter, type WriteContext } from "./entity";
import { lineageWriter } from "./lineage";
import { MEASURE_DATE_FIELDS, measureWriter } from "./measures";
import { notificationWriter } from "./notifications";
import { ensureSource } from "./sources";

type MeasureDateField = (typeof MEASURE_DATE_FIELDS)[number];

/** A new measure with the two identifiers the measure form does not edit, or a patch of a matched one. */
type MeasureWrite =
  | { kind: "create"; measure: MeasureInput; eli: string | null; eurLexNimNumber: string }
  | { kind: "patch"; fields: Partial<Record<string, string | null>>; instruments: string[] };

const TEXT_COLUMNS: Record<string, keyof typeof nationalMeasures.$inferInsert> = {
  titleOriginal: "titleOriginal",
  nationalIdentifier: "nationalIdentifier",
  publicationReference: "publicationReference",
  url: "url",
  eli: "eli",
  eurLexNimNumber: "eurLexNimNumber",
};

function instrumentIds(db: Db, celexes: string[]): number[] {
  if (!celexes.length) return [];
  const rows = db.select({ id: instruments.id, celex: instruments.celex }).from(instruments).where(inArray(instruments.celex, celexes)).all();
  if (rows.length !== new Set(celexes).size) throw new InvalidReferenceError("instruments", `Unknown instrument among ${celexes.join(", ")}.`);
  return rows.map((r) => r.id);
}

const eurlexMeasureWriter: EntityWriter<MeasureWrite> = {
  entity: measureWriter.entity,
  snapshot: measureWriter.snapshot,
  remove: measureWriter.remove,
  insert(db, actor, w) {
    if (w.kind !== "create") throw new Error("a patch cannot create a measure");
    const id = measureWriter.insert(db, actor, w.measure);
    db.update(nationalMeasures).set({ eli: w.eli, eurLexNimNumber: w.eurLexNimNumber }).where(eq(nationalMeasures.id, id)).run();
    return id;
  },
  update(db, _actor, id, w) {
    if (w.kind !== "patch") throw new Error("a matched measure is patched");
    const set: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(w.fields)) {
      if (field in TEXT_COLUMNS) set[TEXT_COLUMNS[field]!] = value;
    }
    const dates = MEASURE_DATE_FIELDS.filter((f) => f in w.fields);
    if (dates.length) Object.assign(set, storedDateColumns(w.fields as Partial<Record<MeasureDateField, string | null>>, dates));
    db.update(nationalMeasures)
      .set({ ...set, version: sql`${nationalMeasures.version} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(nationalMeasures.id, id))
      .run();
    const current = new Set(
      db
        .select({ id: measureInstruments.instrumentId })
        .from(measureInstruments)
        .where(eq(measureInstruments.measureId, id))
        .all()
        .map((r) => r.id),
    );
    for (const instrumentId of instrumentIds(db, w.instruments))
      if (!current.has(instrumentId)) db.insert(measureInstruments).values({ measureId: id, instrumentId }).run();
  },
};

/** A notification's missing date, set without touching its other fields or source. */
const notificationDateWriter: EntityWriter<{ notifiedOn: string }> = {
  entity: notificationWriter.entity,
  snapshot: notificationWriter.snapshot,
  remove: notificationWriter.remove,
  insert() {
    throw new Error("the import does not create notifications");
  },
  update(db, _actor, id, input) {
    db.update(notifications)
      .set({ ...storedDateColumns(input, ["notifiedOn"] as const), version: sql`${notifications.version} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(notifications.id, id))
      .run();
  },
};

/**
 * Creating measures is the import's bulk (1,500 for a large directive): the same row, link, snapshot and audit
 * event as measureWriter through createIn, with statements prepared once per import instead of built per
 * measure (the query builder's cost was most of the apply's time). tests/integration/eurlex-import.test.ts
 * checks the snapshot and audit event against the generic path's.
 */
function bulkMeasureCreator(db: Db, actor: Actor, ctx: WriteContext) {
  const c = db.$client;
  const keyTaken = c.prepare("select 1 from national_measures where key = ?").pluck();
  const insert = c.prepare(
    `insert into national_measures (key, state_code, title_original, title_english, title_english_is_working_translation, language, type, national_identifier, eli, eur_lex_nim_number,
       adopted_on, adopted_on_precision, published_on, published_on_precision, in_force_on, in_force_on_precision, notified_on, notified_on_precision, repealed_on, repealed_on_precision,
       publication_reference, url, status, note, source_id, verification)
     values (@key, @stateCode, @titleOriginal, @titleEnglish, @titleEnglishIsWorkingTranslation, @language, @type, @nationalIdentifier, @eli, @eurLexNimNumber,
       @adoptedOn, @adoptedOnPrecision, @publishedOn, @publishedOnPrecision, @inForceOn, @inForceOnPrecision, @notifiedOn, @notifiedOnPrecision, @repealedOn, @repealedOnPrecision,
       @publicationReference, @url, @status, @note, @sourceId, @verification)`,
  );
  const link = c.prepare("insert into measure_instruments (measure_id, instrument_id) values (?, ?)");
  const audit = c.prepare(
    "insert into audit_events (actor_id, actor_label, action, entity, record_id, before, after, submission_id, reason, request_id) values (?, ?, ?, ?, ?, null, ?, null, ?, ?)",
  );
  const instrumentIdByCelex = new Map(
    db
      .select({ id: instruments.id, celex: instruments.celex })
      .from(instruments)
      .all()
      .map((i) => [i.celex, i.id]),
  );
  const sourceIds = new Map<string, number>();
  const actorId = actor.kind === "user" ? actor.id : null;
  const actorLabel = actor.kind === "user" ? actor.email : "anonymous";
  return (w: Extract<MeasureWrite, { kind: "create" }>) => {
    const m = w.measure;
    if (keyTaken.get(m.key)) throw new InvalidReferenceError("key", `Another measure already has the key ${m.key}.`);
    const ids = m.instruments.map((celex) => {
      const id = instrumentIdByCelex.get(celex);
      if (id === undefined) throw new InvalidReferenceError("instruments", `Unknown instrument ${celex}.`);
      return id;
    });
    const sourceKey = JSON.stringify([m.sourceUrl, m.sourceTitle, m.sourceMethod, m.sourceKind, m.verification]);
    const sourceId = sourceIds.get(sourceKey) ?? ensureSource(db, actor, m);
    sourceIds.set(sourceKey, sourceId);
    const id = Number(
      insert.run({
        ...m,
        ...storedDateColumns(m, MEASURE_DATE_FIELDS),
        titleEnglishIsWorkingTranslation: m.titleEnglishIsWorkingTranslation ? 1 : 0,
        eli: w.eli,
        eurLexNimNumber: w.eurLexNimNumber,
        sourceId,
      }).lastInsertRowid,
    );
    for (const instrumentId of ids) link.run(id, instrumentId);
    const after = measureWriter.snapshot(db, id)!;
    audit.run(actorId, actorLabel, "create", measureWriter.entity, String(id), JSON.stringify(after), ctx.reason ?? null, ctx.requestId ?? null);
  };
}

export interface ApplyResult {
  instrumentCreated: boolean;
  lineageCreated: number;
  lineageRefused: string[];
  created: number;
  updated: number;
  notificationsDated: number;
  conflictsTaken: number;
}

/** Call inside writeTransaction: any error rolls the whole import back. */
export function applyPlanIn(db: Db, actor: Actor, plan: ImportPlan, chosenConflicts: ReadonlySet<string>, requestId: string | null = null): ApplyResult {
  const ctx: WriteContext = { actor, reason: `EUR-Lex import ${plan.celex} ${plan.retrievedAt}`, requestId };
  const result: ApplyResult = {
    instrumentCreated: false,
    lineageCreated: 0,
    lineageRefused: [],
    created: 0,
    updated: 0,
    notificationsDated: 0,
    conflictsTaken: 0,
  };
  const day = plan.retrievedAt.slice(0, 10);

  if (plan.instrument.status === "new") {
    const i = plan.instrument;
    if (i.problem || !i.adoptionDate || !i.title)
      throw new InvalidReferenceError(
        "celex",
        `CELLAR gives no ${i.adoptionDate ? "English title" : "date of document"} for ${plan.celex}, so it cannot be created.`,
      );
    const sourceId = ensureSource(
      db,
      actor,
      {
        sourceUrl: instrumentSourceUrl(plan.celex),
        sourceTitle: `EUR-Lex, CELEX ${plan.celex} (CELLAR metadata), retrieved ${day}`,
        sourceMethod: "eur_lex",
        sourceKind: "official_journal",
        verification: "unverified",
      },
      day,
    );
    const row = db
      .insert(instruments)
      .values({
        celex: i.celex,
        type: i.type,
        shortName: i.shortName,
        title: i.title,
        adoptionDate: i.adoptionDate,
        ojReference: i.ojReference ?? "not given by CELLAR",
        eli: i.eli,
        transpositionDeadline: i.type === "directive" ? i.transpositionDeadline : null,
        repealedBy: i.repealedBy,
        sourceId,
        verification: "unverified",
      })
      .returning()
      .get();
    recordAudit(db, { actor, action: "create", entity: "instrument", recordId: row.id, before: null, after: row, reason: ctx.reason, requestId });
    result.instrumentCreated = true;
  }

  for (const l of plan.lineage) {
    if (l.status !== "new") continue;
    const input = lineageInput.parse({
      instrument: l.instrument,
      relation: l.relation,
      successor: l.successor,
      fromDate: null,
      note: `From CELLAR's relations of ${plan.celex}, retrieved ${day}.`,
      sourceUrl: instrumentSourceUrl(plan.celex),
      sourceTitle: `EUR-Lex, CELEX ${plan.celex} (CELLAR metadata), retrieved ${day}`,
      sourceMethod: "eur_lex",
      sourceKind: "official_journal",
      verification: "unverified",
    });
    try {
      // The lineage writer checks for cycles and dates before it inserts, so a refusal leaves nothing behind.
      createIn(db, lineageWriter, input, ctx);
      result.lineageCreated++;
    } catch (error) {
      if (!(error instanceof InvalidReferenceError)) throw error;
      result.lineageRefused.push(`${l.instrument} ${l.relation.replace("_", " ")} ${l.successor}: ${error.message}`);
    }
  }

  const createMeasure = bulkMeasureCreator(db, actor, ctx);
  for (const m of plan.measures) {
    if (m.kind === "new") {
      createMeasure({ kind: "create", measure: m.input, eli: m.eli, eurLexNimNumber: m.celex });
      result.created++;
      continue;
    }
    const fields: Record<string, string | null> = {};
    for (const c of m.changes) if (c.field !== "instruments") fields[c.field] = c.after;
    for (const c of m.conflicts) {
      if (!chosenConflicts.has(conflictChoice(m.measureId, c.field))) continue;
      fields[c.field] = c.after;
      result.conflictsTaken++;
    }
    const addsInstruments = m.changes.some((c) => c.field === "instruments");
    if (!Object.keys(fields).length && !addsInstruments) continue;
    updateIn(db, eurlexMeasureWriter, m.measureId, m.version, { kind: "patch", fields, instruments: m.instruments }, ctx);
    result.updated++;
  }

  for (const n of plan.notifications) {
    if (!n.notifiedOn) continue;
    updateIn(db, notificationDateWriter, n.notificationId, n.version, { notifiedOn: n.notifiedOn }, ctx);
    result.notificationsDated++;
  }
  return result;
}
