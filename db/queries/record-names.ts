/**
 * The facts lib/record-names.ts names a record by, looked up for a record
 * given as a change's payload, a writer's snapshot or an audit event's
 * before/after (they share stateCode, key, titleOriginal, provisionId and
 * instrument), and the records of a state a regulator may pick.
 */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, memberStates, nationalMeasures, notifications, provisions, transpositions } from "../schema";
import type { EditableEntity } from "../../lib/policy";
import { recordName, sortByName, type RecordFacts } from "../../lib/record-names";

const text = (v: unknown): string | null => (typeof v === "string" && v ? v : null);

/** Looks names up once per page: a state's name, an instrument's short name, a provision's article. */
export function recordNamer(db: Db) {
  const states = new Map<string, string | null>();
  const instrumentsByCelex = new Map<string, string | null>();
  const provisionsById = new Map<number, { instrument: string; kind: string; number: string } | null>();

  const stateName = (code: string | null) => {
    if (!code) return null;
    if (!states.has(code)) states.set(code, db.select({ name: memberStates.name }).from(memberStates).where(eq(memberStates.code, code)).get()?.name ?? null);
    return states.get(code) ?? code;
  };
  const instrumentName = (celex: string | null) => {
    if (!celex) return null;
    if (!instrumentsByCelex.has(celex))
      instrumentsByCelex.set(celex, db.select({ name: instruments.shortName }).from(instruments).where(eq(instruments.celex, celex)).get()?.name ?? null);
    return instrumentsByCelex.get(celex) ?? celex;
  };
  const provision = (id: number) => {
    if (!provisionsById.has(id))
      provisionsById.set(
        id,
        db
          .select({ instrument: instruments.shortName, kind: provisions.kind, number: provisions.number })
          .from(provisions)
          .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
          .where(eq(provisions.id, id))
          .get() ?? null,
      );
    return provisionsById.get(id) ?? null;
  };

  function facts(entity: EditableEntity, record: Record<string, unknown> | null | undefined): RecordFacts {
    const r = record ?? {};
    // The seed's audit events record the seed files' shape: `state`, and a provision as { instrument, kind, number }.
    const state = stateName(text(r.stateCode) ?? text(r.state));
    if (entity === "national_measure") return { entity, title: text(r.titleOriginal), key: text(r.key) };
    if (entity === "notification") return { entity, instrument: instrumentName(text(r.instrument)), state };
    if (r.provision && typeof r.provision === "object") {
      const p = r.provision as Record<string, unknown>;
      return { entity, instrument: instrumentName(text(p.instrument)), provisionKind: text(p.kind), provisionNumber: text(p.number), state };
    }
    const provisionId = typeof r.provisionId === "number" ? r.provisionId : Number(r.provisionId);
    const p = Number.isSafeInteger(provisionId) && provisionId > 0 ? provision(provisionId) : null;
    return { entity, instrument: p?.instrument ?? null, provisionKind: p?.kind ?? null, provisionNumber: p?.number ?? null, state };
  }

  return { facts, name: (entity: EditableEntity, record: Record<string, unknown> | null | undefined) => recordName(facts(entity, record)) };
}

export type RecordNamer = ReturnType<typeof recordNamer>;

export interface PickableRecord {
  id: number;
  version: number;
  label: string;
}

/**
 * Records of one state a regulator may propose changes to, named as people
 * name them: correspondences in the order of the instruments (oldest first)
 * and their articles, notifications by instrument, measures by title.
 */
export function listRecordsInState(db: Db, entity: EditableEntity, stateCode: string): PickableRecord[] {
  const state = db.select({ name: memberStates.name }).from(memberStates).where(eq(memberStates.code, stateCode)).get()?.name ?? stateCode;
  if (entity === "national_measure") {
    const rows = db
      .select({ id: nationalMeasures.id, version: nationalMeasures.version, title: nationalMeasures.titleOriginal, key: nationalMeasures.key })
      .from(nationalMeasures)
      .where(eq(nationalMeasures.stateCode, stateCode))
      .all()
      .map((m) => ({ id: m.id, version: m.version, label: recordName({ entity, title: m.title, key: m.key }) }));
    return sortByName(rows, (r) => r.label);
  }
  if (entity === "transposition")
    return db
      .select({ id: transpositions.id, version: transpositions.version, instrument: instruments.shortName, kind: provisions.kind, number: provisions.number })
      .from(transpositions)
      .innerJoin(provisions, eq(provisions.id, transpositions.provisionId))
      .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
      .where(eq(transpositions.stateCode, stateCode))
      .orderBy(asc(instruments.adoptionDate), asc(instruments.celex), asc(provisions.position), asc(transpositions.id))
      .all()
      .map((t) => ({
        id: t.id,
        version: t.version,
        label: recordName({ entity, instrument: t.instrument, provisionKind: t.kind, provisionNumber: t.number, state }),
      }));
  return db
    .select({ id: notifications.id, version: notifications.version, instrument: instruments.shortName })
    .from(notifications)
    .innerJoin(instruments, eq(instruments.id, notifications.instrumentId))
    .where(eq(notifications.stateCode, stateCode))
    .orderBy(asc(instruments.adoptionDate), asc(instruments.celex), asc(notifications.id))
    .all()
    .map((n) => ({ id: n.id, version: n.version, label: recordName({ entity, instrument: n.instrument, state }) }));
}
