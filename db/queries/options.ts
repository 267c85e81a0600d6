/** Choices for form fields. */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, memberStates, nationalMeasures, obligations, provisions } from "../schema";

export function stateChoices(db: Db) {
  return db.select({ value: memberStates.code, label: memberStates.name }).from(memberStates).orderBy(asc(memberStates.name)).all().map((s) => ({ value: s.value, label: `${s.label} (${s.value})` }));
}

export function instrumentChoices(db: Db) {
  return db
    .select({ value: instruments.celex, label: instruments.shortName })
    .from(instruments)
    .orderBy(asc(instruments.adoptionDate))
    .all()
    .map((i) => ({ value: i.value, label: `${i.label} (${i.value})` }));
}

export function measureChoices(db: Db, stateCode: string) {
  return db
    .select({ value: nationalMeasures.key, label: nationalMeasures.titleOriginal })
    .from(nationalMeasures)
    .where(eq(nationalMeasures.stateCode, stateCode))
    .orderBy(asc(nationalMeasures.adoptedOn))
    .all()
    .map((m) => ({ value: m.value, label: m.label.length > 90 ? `${m.label.slice(0, 88)}…` : m.label }));
}

export function provisionChoices(db: Db) {
  return db
    .select({ id: provisions.id, kind: provisions.kind, number: provisions.number, heading: provisions.heading, shortName: instruments.shortName })
    .from(provisions)
    .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
    .orderBy(asc(instruments.adoptionDate), asc(provisions.position))
    .all()
    .map((p) => ({ value: String(p.id), label: `${p.shortName} ${p.kind === "annex" ? "Annex" : "Art."} ${p.number} — ${p.heading}` }));
}

export function obligationChoices(db: Db) {
  return db
    .select({ value: obligations.key, label: obligations.duty })
    .from(obligations)
    .orderBy(asc(obligations.key))
    .all()
    .map((o) => ({ value: o.value, label: o.label.length > 110 ? `${o.label.slice(0, 108)}…` : o.label }));
}
