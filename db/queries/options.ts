/** Choices for form fields. */
import { asc, eq, or, sql } from "drizzle-orm";
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

/** Above this many instruments a filter form lists none up front: its instrument field suggests as the user types. */
export const INSTRUMENT_LIST_LIMIT = 100;

/**
 * The instruments a filter form offers up front: all of them while there are at most
 * INSTRUMENT_LIST_LIMIT, else only the selected one (a page at the scale of the acquis
 * would otherwise carry 2,000 options).
 */
export function instrumentFilterChoices(db: Db, selected: string | null): { choices: { celex: string; shortName: string }[]; isComplete: boolean } {
  const all = db
    .select({ celex: instruments.celex, shortName: instruments.shortName })
    .from(instruments)
    .orderBy(asc(instruments.adoptionDate))
    .limit(INSTRUMENT_LIST_LIMIT + 1)
    .all();
  if (all.length <= INSTRUMENT_LIST_LIMIT) return { choices: all, isComplete: true };
  const choices = selected ? db.select({ celex: instruments.celex, shortName: instruments.shortName }).from(instruments).where(eq(instruments.celex, selected)).all() : [];
  return { choices, isComplete: false };
}

/** Instruments whose CELEX number starts with, or whose short name or title contains, the text (for the filter field's suggestions). */
export function suggestInstruments(db: Db, text: string, limit = 20): { celex: string; shortName: string }[] {
  const t = text.trim().slice(0, 100);
  if (!t) return [];
  const escaped = t.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .select({ celex: instruments.celex, shortName: instruments.shortName })
    .from(instruments)
    .where(
      or(
        sql`${instruments.celex} like ${`${escaped.toUpperCase()}%`} escape '\\'`,
        sql`${instruments.shortName} like ${`%${escaped}%`} escape '\\'`,
        sql`${instruments.title} like ${`%${escaped}%`} escape '\\'`,
      ),
    )
    .orderBy(asc(instruments.adoptionDate))
    .limit(limit)
    .all();
}
