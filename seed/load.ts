/**
 * Writes the validated seed into the database in ONE immediate transaction:
 * a failure anywhere leaves the database exactly as it was. Records are
 * matched by their natural keys (state code, CELEX, provision number,
 * obligation key, measure key…); missing ones are created with an audit
 * event, existing ones are left as they are — a re-run never overwrites
 * what editors have changed since.
 */
import { and, eq } from "drizzle-orm";
import type { DbHandle, Db } from "../db/client";
import {
  auditEvents,
  infringements,
  infringementStageEvents,
  instruments,
  measureInstruments,
  memberStates,
  nationalMeasures,
  notifications,
  obligations,
  obligationSecurityProperties,
  obligationThreats,
  provisionObligations,
  provisions,
  instrumentLineage,
  sources,
  transpositionMeasures,
  transpositions,
} from "../db/schema";
import { storedDateColumns } from "../lib/partial-date";
import { MEASURE_DATE_FIELDS } from "../db/writes/measures";
import type { SeedData } from "./read";
import type { SeedSource } from "./schema";

export interface SeedReport {
  created: number;
  kept: number;
}

const SEED_ACTOR = "seed";

export function loadSeed(handle: DbHandle, data: SeedData): SeedReport {
  const report: SeedReport = { created: 0, kept: 0 };
  const run = handle.sqlite.transaction(() => writeSeed(handle.db, data, report));
  run.immediate();
  return report;
}

function writeSeed(db: Db, data: SeedData, report: SeedReport): void {
  const sourceIds = new Map<string, number>();
  const audit = (entity: string, recordId: string, after: unknown) =>
    db.insert(auditEvents).values({ actorLabel: SEED_ACTOR, action: "create", entity, recordId, after, reason: "initial seed from seed/data" }).run();

  function sourceId(s: SeedSource): number {
    // One row per distinct description of a source; records keep their own verification state too.
    const key = JSON.stringify([s.url ?? null, s.document ?? null, s.title, s.method, s.verification, ...(s.kind ? [s.kind] : [])]);
    const cached = sourceIds.get(key);
    if (cached) return cached;
    const existing = db.select({ id: sources.id }).from(sources).where(eq(sources.key, key)).get();
    const id =
      existing?.id ??
      db
        .insert(sources)
        .values({
          key,
          url: s.url ?? null,
          document: s.document ?? null,
          title: s.title,
          retrievedOn: s.retrievedOn,
          method: s.method,
          kind: s.kind ?? null,
          verification: s.verification,
        })
        .returning({ id: sources.id })
        .get().id;
    if (!existing) audit("source", String(id), s);
    sourceIds.set(key, id);
    return id;
  }

  /** Inserts when the natural key is new; returns the row id either way. */
  function ensure<T extends { id: number }>(
    entity: string,
    find: () => T | undefined,
    insert: () => T,
    describe: () => unknown,
    idOf: (row: T) => string = (r) => String(r.id),
  ): T {
    const found = find();
    if (found) {
      report.kept++;
      return found;
    }
    const row = insert();
    audit(entity, idOf(row), describe());
    report.created++;
    return row;
  }

  for (const s of data.memberStates) {
    const found = db.select({ code: memberStates.code }).from(memberStates).where(eq(memberStates.code, s.code)).get();
    if (found) {
      report.kept++;
      continue;
    }
    db.insert(memberStates)
      .values({ code: s.code, name: s.name, accessionDate: s.accessionDate, exitDate: s.exitDate, sourceId: sourceId(s.source) })
      .run();
    audit("member_state", s.code, s);
    report.created++;
  }

  const instrumentIds = new Map<string, number>();
  for (const i of data.instruments) {
    const row = ensure(
      "instrument",
      () => db.select({ id: instruments.id }).from(instruments).where(eq(instruments.celex, i.celex)).get(),
      () =>
        db
          .insert(instruments)
          .values({
            celex: i.celex,
            type: i.type,
            shortName: i.shortName,
            title: i.title,
            adoptionDate: i.adoptionDate,
            ojReference: i.ojReference,
            eli: i.eli,
            transpositionDeadline: i.transpositionDeadline,
            appliesFrom: i.appliesFrom,
            repealedBy: i.repealedBy,
            repealedFrom: i.repealedFrom,
            sourceId: sourceId(i.source),
            verification: i.source.verification,
          })
          .returning({ id: instruments.id })
          .get(),
      () => i,
    );
    instrumentIds.set(i.celex, row.id);
  }

  for (const l of data.lineage) {
    const instrumentId = instrumentIds.get(l.instrument)!;
    const successorId = instrumentIds.get(l.by)!;
    ensure(
      "instrument_lineage",
      () =>
        db
          .select({ id: instrumentLineage.id })
          .from(instrumentLineage)
          .where(
            and(eq(instrumentLineage.instrumentId, instrumentId), eq(instrumentLineage.relation, l.relation), eq(instrumentLineage.successorId, successorId)),
          )
          .get(),
      () =>
        db
          .insert(instrumentLineage)
          .values({
            instrumentId,
            relation: l.relation,
            successorId,
            fromDate: l.from,
            note: l.note,
            sourceId: sourceId(l.source),
            verification: l.source.verification,
          })
          .returning({ id: instrumentLineage.id })
          .get(),
      () => l,
    );
  }

  const provisionIds = new Map<string, number>();
  const pkey = (p: { instrument: string; kind: string; number: string }) => `${p.instrument}|${p.kind}|${p.number}`;
  data.provisions.forEach((p, position) => {
    const instrumentId = instrumentIds.get(p.instrument)!;
    const row = ensure(
      "provision",
      () =>
        db
          .select({ id: provisions.id })
          .from(provisions)
          .where(and(eq(provisions.instrumentId, instrumentId), eq(provisions.kind, p.kind), eq(provisions.number, p.number)))
          .get(),
      () =>
        db
          .insert(provisions)
          .values({
            instrumentId,
            kind: p.kind,
            number: p.number,
            position,
            heading: p.heading,
            summary: p.summary,
            requiresTransposition: p.requiresTransposition,
            securityRelevant: p.securityRelevant,
            deadline: p.deadline,
            sourceId: sourceId(p.source),
            verification: p.source.verification,
          })
          .returning({ id: provisions.id })
          .get(),
      () => p,
    );
    provisionIds.set(pkey(p), row.id);
  });

  for (const o of data.obligations) {
    ensure(
      "obligation",
      () => db.select({ id: obligations.id }).from(obligations).where(eq(obligations.key, o.key)).get(),
      () => {
        const row = db
          .insert(obligations)
          .values({ key: o.key, duty: o.duty, addressee: o.addressee, sourceId: sourceId(o.source), verification: o.source.verification })
          .returning({ id: obligations.id })
          .get();
        for (const property of new Set(o.securityProperties)) db.insert(obligationSecurityProperties).values({ obligationId: row.id, property }).run();
        for (const threat of new Set(o.threats)) db.insert(obligationThreats).values({ obligationId: row.id, threat }).run();
        for (const ref of o.provisions)
          db.insert(provisionObligations)
            .values({ provisionId: provisionIds.get(pkey(ref))!, obligationId: row.id })
            .onConflictDoNothing()
            .run();
        return row;
      },
      () => o,
    );
  }

  // All measures first: a state's correspondence in one file may cite its measure in another (DE.json, DE.today.json).
  const measureIds = new Map<string, number>();
  for (const { code, data: s } of data.states) {
    for (const m of s.measures) {
      const row = ensure(
        "national_measure",
        () => db.select({ id: nationalMeasures.id }).from(nationalMeasures).where(eq(nationalMeasures.key, m.key)).get(),
        () => {
          const inserted = db
            .insert(nationalMeasures)
            .values({
              key: m.key,
              stateCode: code,
              titleOriginal: m.titleOriginal,
              titleEnglish: m.titleEnglish,
              titleEnglishIsWorkingTranslation: m.titleEnglishIsWorkingTranslation,
              workingTitleFr: m.workingTitleFr,
              workingTitleDe: m.workingTitleDe,
              language: m.language,
              type: m.type,
              nationalIdentifier: m.nationalIdentifier,
              eli: m.eli,
              eurLexNimNumber: m.eurLexNimNumber,
              ...storedDateColumns(m, MEASURE_DATE_FIELDS),
              publicationReference: m.publicationReference,
              url: m.url,
              status: m.status,
              note: m.note,
              sourceId: sourceId(m.source),
              verification: m.source.verification,
            })
            .returning({ id: nationalMeasures.id })
            .get();
          for (const celex of new Set(m.instruments))
            db.insert(measureInstruments)
              .values({ measureId: inserted.id, instrumentId: instrumentIds.get(celex)! })
              .run();
          return inserted;
        },
        () => m,
      );
      measureIds.set(m.key, row.id);
    }
  }

  for (const { code, data: s } of data.states) {
    for (const n of s.notifications) {
      const instrumentId = instrumentIds.get(n.instrument)!;
      ensure(
        "notification",
        () =>
          db
            .select({ id: notifications.id })
            .from(notifications)
            .where(and(eq(notifications.stateCode, code), eq(notifications.instrumentId, instrumentId)))
            .get(),
        () =>
          db
            .insert(notifications)
            .values({
              stateCode: code,
              instrumentId,
              status: n.status,
              ...storedDateColumns(n, ["notifiedOn"] as const),
              statusAsOf: n.statusAsOf,
              note: n.note,
              principalMeasureId: n.principalMeasure ? measureIds.get(n.principalMeasure)! : null,
              sourceId: sourceId(n.source),
              verification: n.source.verification,
            })
            .returning({ id: notifications.id })
            .get(),
        () => n,
      );
    }

    for (const f of s.infringements) {
      const instrumentId = instrumentIds.get(f.instrument)!;
      ensure(
        "infringement",
        () =>
          db
            .select({ id: infringements.id })
            .from(infringements)
            .where(and(eq(infringements.stateCode, code), eq(infringements.instrumentId, instrumentId), eq(infringements.type, f.type)))
            .get(),
        () => {
          const row = db
            .insert(infringements)
            .values({
              stateCode: code,
              instrumentId,
              type: f.type,
              procedureNumber: f.procedureNumber,
              courtCase: f.courtCase,
              outcome: f.outcome,
              sourceId: sourceId(f.source),
              verification: f.source.verification,
            })
            .returning({ id: infringements.id })
            .get();
          for (const stage of f.stages)
            db.insert(infringementStageEvents)
              .values({ infringementId: row.id, stage: stage.stage, ...storedDateColumns(stage, ["date"] as const), note: stage.note })
              .run();
          return row;
        },
        () => f,
      );
    }

    for (const t of s.transpositions) {
      const provisionId = provisionIds.get(pkey(t.provision))!;
      ensure(
        "transposition",
        () =>
          db
            .select({ id: transpositions.id })
            .from(transpositions)
            .where(and(eq(transpositions.stateCode, code), eq(transpositions.provisionId, provisionId)))
            .get(),
        () => {
          const row = db
            .insert(transpositions)
            .values({
              stateCode: code,
              provisionId,
              status: t.status,
              relation: t.relation,
              nationalProvision: t.nationalProvision,
              note: t.note,
              assessorName: "NIS Measures Inventory seed (desk research)",
              assessedAt: t.assessedOn,
              sourceId: sourceId(t.source),
              verification: t.source.verification,
            })
            .returning({ id: transpositions.id })
            .get();
          for (const key of new Set(t.measures))
            db.insert(transpositionMeasures)
              .values({ transpositionId: row.id, measureId: measureIds.get(key)! })
              .run();
          return row;
        },
        () => t,
      );
    }
  }
}
