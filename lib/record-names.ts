/**
 * How people name the records a regulator or a reviewer picks and changes:
 * a correspondence by its instrument, article and state ("95/46/EC Art. 17 —
 * France"), a notification by its instrument and state, a measure by its
 * title and key. One place, used by the record picker, the measure options
 * of the forms and the labels of a submission's changes. Pure: the facts are
 * looked up by the caller (db/queries/record-names.ts). The words around the
 * facts are English unless the caller passes its language's translator (the
 * catalogue's `recordNames`); db/ and the API keep English.
 */
import type { EditableEntity } from "./policy";
import { editableEntityDefinitions } from "./entities";
import type { Translate } from "./translate";

export type RecordFacts =
  | { entity: "national_measure"; title: string | null; key: string | null }
  | { entity: "transposition"; instrument: string | null; provisionKind: string | null; provisionNumber: string | null; state: string | null }
  | { entity: "notification"; instrument: string | null; state: string | null };

export const ENTITY_NOUN = Object.fromEntries(Object.entries(editableEntityDefinitions).map(([entity, d]) => [entity, d.noun])) as Record<
  EditableEntity,
  string
>;

const MAX_TITLE = 80;

function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** "Art. 17", "Annex II"; an instrument's only annex is numbered "Annex". */
export function provisionRef(kind: string | null, number: string | null): string | null {
  if (!number) return null;
  if (kind === "annex") return number === "Annex" ? "Annex" : `Annex ${number}`;
  return `Art. ${number}`;
}

/** English, for db/ and the API; the interface passes its own translator over the same keys. */
const ENGLISH: Record<string, string> = {
  "recordNames.nationalMeasure": "National measure",
  "recordNames.transpositionEntry": "Transposition entry",
  "recordNames.instrument": "Instrument",
  "recordNames.notification": "notification",
};

const english: Translate = (key, values) => {
  if (key === "recordNames.create") return `New ${ENTITY_NOUN[values?.entity as EditableEntity]} — ${String(values?.name)}`;
  if (key === "recordNames.update") return `Update: ${String(values?.name)}`;
  if (key === "recordNames.delete") return `Delete: ${String(values?.name)}`;
  return ENGLISH[key] ?? key;
};

/** The name of a record as a list or a heading shows it. */
export function recordName(facts: RecordFacts, t: Translate = english): string {
  switch (facts.entity) {
    case "national_measure": {
      const title = facts.title?.trim() ? shorten(facts.title, MAX_TITLE) : null;
      if (title && facts.key) return `${title} (${facts.key})`;
      return title ?? facts.key ?? t("recordNames.nationalMeasure");
    }
    case "transposition": {
      const provision = [facts.instrument, provisionRef(facts.provisionKind, facts.provisionNumber)].filter(Boolean).join(" ");
      return [provision || t("recordNames.transpositionEntry"), facts.state].filter(Boolean).join(" — ");
    }
    case "notification":
      return [facts.instrument ?? t("recordNames.instrument"), t("recordNames.notification"), facts.state].filter(Boolean).join(" — ");
  }
}

/** A change of a submission, named by what it is about: "New national measure — …", "Update: 95/46/EC Art. 17 — France". */
export function changeLabel(operation: "create" | "update" | "delete", facts: RecordFacts, t: Translate = english): string {
  const name = recordName(facts, t);
  if (operation === "create") return t("recordNames.create", { entity: facts.entity, name });
  return t(operation === "update" ? "recordNames.update" : "recordNames.delete", { name });
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Sorts named things as a reader expects: accents and case ignored, "Art. 2" before "Art. 10". */
export function sortByName<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(name(a), name(b)));
}
