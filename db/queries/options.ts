/** Choices for form fields. */
import { asc, eq, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../client";
import { instruments, memberStates, nationalMeasures, obligations, provisions } from "../schema";
import { recordName, sortByName } from "../../lib/record-names";
import { DEFAULT_LOCALE, memberStateName, type Locale } from "../../lib/format";

/** The Member States as choices, "Name (code)" named and ordered in the language of the form. */
export function stateChoices(db: Db, locale: Locale = DEFAULT_LOCALE) {
  const collator = new Intl.Collator(locale);
  return db
    .select({ value: memberStates.code, name: memberStates.name })
    .from(memberStates)
    .all()
    .map((s) => ({ value: s.value, name: memberStateName(s.value, s.name, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((s) => ({ value: s.value, label: `${s.name} (${s.value})` }));
}

export function instrumentChoices(db: Db) {
  return db
    .select({ value: instruments.celex, label: instruments.shortName })
    .from(instruments)
    .orderBy(asc(instruments.adoptionDate))
    .all()
    .map((i) => ({ value: i.value, label: `${i.label} (${i.value})` }));
}

/** A state's measures as form options (value: the key other records cite), named and sorted by title. */
export function measureChoices(db: Db, stateCode: string) {
  const options = db
    .select({ key: nationalMeasures.key, title: nationalMeasures.titleOriginal })
    .from(nationalMeasures)
    .where(eq(nationalMeasures.stateCode, stateCode))
    .all()
    .map((m) => ({ value: m.key, label: recordName({ entity: "national_measure", title: m.title, key: m.key }) }));
  return sortByName(options, (o) => o.label);
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

/** Above this many choices a filter form lists none up front: its field suggests as the user types (instruments, obligations). */
export const FILTER_LIST_LIMIT = 100;

export interface FilterChoices {
  /** Every choice while there are at most FILTER_LIST_LIMIT, else only the selected one. */
  choices: { value: string; label: string }[];
  isComplete: boolean;
}

/** A field's list: the table, the columns giving a choice's value and label, the order, and how a label is shown. */
interface ChoiceList {
  table: SQLiteTable;
  value: SQLiteColumn;
  label: SQLiteColumn;
  order: SQLiteColumn;
  shown?: (label: string) => string;
}

/**
 * What a filter form offers up front for one field: the whole list while it is short, else only
 * the selected choice (a page at the scale of the acquis would otherwise carry 2,000 options).
 */
function filterChoices(db: Db, list: ChoiceList, selected: string | null): FilterChoices {
  const read = (where: SQL | undefined, limit: number) =>
    db
      .select({ value: list.value, label: list.label })
      .from(list.table)
      .where(where)
      .orderBy(asc(list.order))
      .limit(limit)
      .all()
      .map((c) => ({ value: String(c.value), label: list.shown ? list.shown(String(c.label)) : String(c.label) }));
  const all = read(undefined, FILTER_LIST_LIMIT + 1);
  if (all.length <= FILTER_LIST_LIMIT) return { choices: all, isComplete: true };
  return { choices: selected ? read(eq(list.value, selected), 1) : [], isComplete: false };
}

export function instrumentFilterChoices(db: Db, selected: string | null): FilterChoices {
  return filterChoices(db, { table: instruments, value: instruments.celex, label: instruments.shortName, order: instruments.adoptionDate }, selected);
}

/** An obligation's duty cut to fit one line of a list. */
function shortDuty(duty: string): string {
  return duty.length > 90 ? `${duty.slice(0, 90)}…` : duty;
}

export function obligationFilterChoices(db: Db, selected: string | null): FilterChoices {
  return filterChoices(db, { table: obligations, value: obligations.key, label: obligations.duty, order: obligations.key, shown: shortDuty }, selected);
}

/** The trimmed text with LIKE's wildcards escaped (for `ESCAPE '\\'`), or null when it is blank. */
function escapeLike(text: string): string | null {
  const t = text.trim().slice(0, 100);
  return t ? t.replace(/[\\%_]/g, (c) => `\\${c}`) : null;
}

/** Instruments whose CELEX number starts with, or whose short name or title contains, the text (for the filter field's suggestions). */
export function suggestInstruments(db: Db, text: string, limit = 20): { value: string; label: string }[] {
  const e = escapeLike(text);
  if (e === null) return [];
  return db
    .select({ value: instruments.celex, label: instruments.shortName })
    .from(instruments)
    .where(
      or(
        sql`${instruments.celex} like ${`${e.toUpperCase()}%`} escape '\\'`,
        sql`${instruments.shortName} like ${`%${e}%`} escape '\\'`,
        sql`${instruments.title} like ${`%${e}%`} escape '\\'`,
      ),
    )
    .orderBy(asc(instruments.adoptionDate))
    .limit(limit)
    .all();
}

/** Obligations whose key or duty contains the text (for the filter field's suggestions). */
export function suggestObligations(db: Db, text: string, limit = 20): { value: string; label: string }[] {
  const e = escapeLike(text);
  if (e === null) return [];
  return db
    .select({ value: obligations.key, label: obligations.duty })
    .from(obligations)
    .where(or(sql`${obligations.key} like ${`%${e}%`} escape '\\'`, sql`${obligations.duty} like ${`%${e}%`} escape '\\'`))
    .orderBy(asc(obligations.key))
    .limit(limit)
    .all()
    .map((o) => ({ value: o.value, label: shortDuty(o.label) }));
}
