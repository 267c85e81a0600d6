/**
 * What the public sees of the audit trail: the changes to the inventory's public records (the feeds of changes and
 * the /changes page), as field changes of their public fields only. Who made a change, through which submission and
 * with what message are never part of it; nor are the assessor fields the open data leaves out. The audit trail
 * stores records in two shapes (the seed files' and the writers' snapshots); both are read here as the writers'.
 */
import { diffRecords, type FieldChange } from "./diff";
import type { MessageKey, Translate } from "./translate";

export const PUBLIC_CHANGE_ENTITIES = [
  "national_measure",
  "transposition",
  "notification",
  "infringement",
  "instrument",
  "provision",
  "instrument_lineage",
] as const;
export type PublicChangeEntity = (typeof PUBLIC_CHANGE_ENTITIES)[number];

/** Actions on records: the trail's other actions (sign-ins, exports, submissions' own events) are not changes of the inventory. */
export const PUBLIC_CHANGE_ACTIONS = ["create", "update", "delete", "restore"] as const;
export type PublicChangeAction = (typeof PUBLIC_CHANGE_ACTIONS)[number];

const SOURCE = ["sourceUrl", "sourceTitle", "sourceMethod", "verification"];

/** The fields each record shows the public (its page and the open data), by the writers' names. Anything else stays out. */
export const PUBLIC_FIELDS: Record<PublicChangeEntity, readonly string[]> = {
  national_measure: [
    "key",
    "stateCode",
    "titleOriginal",
    "titleEnglish",
    "workingTitleFr",
    "workingTitleDe",
    "language",
    "type",
    "nationalIdentifier",
    "eli",
    "eurLexNimNumber",
    "adoptedOn",
    "publishedOn",
    "inForceOn",
    "notifiedOn",
    "repealedOn",
    "publicationReference",
    "url",
    "status",
    "instruments",
    "note",
    ...SOURCE,
  ],
  transposition: ["stateCode", "provision", "status", "relation", "nationalProvision", "measureKeys", "note", ...SOURCE],
  notification: ["stateCode", "instrument", "status", "notifiedOn", "statusAsOf", "principalMeasureKey", "note", ...SOURCE],
  infringement: ["stateCode", "instrument", "type", "procedureNumber", "courtCase", "stages", "outcome", ...SOURCE],
  instrument: [
    "celex",
    "type",
    "shortName",
    "title",
    "adoptionDate",
    "ojReference",
    "eli",
    "transpositionDeadline",
    "appliesFrom",
    "repealedBy",
    "repealedFrom",
    ...SOURCE,
  ],
  provision: ["instrument", "kind", "number", "heading", "summary", "requiresTransposition", "deadline", "securityRelevant", "obligationKeys", ...SOURCE],
  instrument_lineage: ["instrument", "relation", "successor", "fromDate", "note", ...SOURCE],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The seed files' shape read as the writers' ("state" → "stateCode", a provision object → "CELEX kind number", …). */
export function normaliseRecord(record: unknown): Record<string, unknown> | null {
  if (!isObject(record)) return null;
  const r: Record<string, unknown> = { ...record };
  const rename = (from: string, to: string) => {
    if (from in r && !(to in r)) r[to] = r[from];
    delete r[from];
  };
  rename("state", "stateCode");
  rename("measures", "measureKeys");
  rename("principalMeasure", "principalMeasureKey");
  rename("by", "successor");
  rename("from", "fromDate");
  if (isObject(r.provision)) {
    const p = r.provision;
    r.provision = [p.instrument, p.kind, p.number].filter((v) => typeof v === "string" && v).join(" ");
  }
  // An infringement's stages as "2010-12-22 referral": a list diff sorts its values, so the date first keeps them in order.
  if (Array.isArray(r.stages)) r.stages = r.stages.map((st) => (isObject(st) ? [st.date, st.stage].filter((v) => typeof v === "string" && v).join(" ") : st));
  if (isObject(r.source)) {
    const s = r.source;
    r.sourceUrl ??= s.url ?? null;
    r.sourceTitle ??= s.title ?? null;
    r.sourceMethod ??= s.method ?? null;
    r.verification ??= s.verification ?? null;
    delete r.source;
  }
  return r;
}

/** Only the public fields of a recorded version (null stays null: nothing before a creation, nothing after a deletion). */
export function publicRecord(entity: PublicChangeEntity, record: unknown): Record<string, unknown> | null {
  const r = normaliseRecord(record);
  if (!r) return null;
  return Object.fromEntries(PUBLIC_FIELDS[entity].filter((f) => f in r).map((f) => [f, r[f]]));
}

export interface PublicChangeEvent {
  id: number;
  at: string;
  action: string;
  entity: string;
  recordId: string | null;
  before: unknown;
  after: unknown;
}

export interface PublicChange {
  id: number;
  at: string;
  action: PublicChangeAction;
  entity: PublicChangeEntity;
  recordId: string | null;
  /** The public fields of the record as it is after the change (before it, for a deletion). */
  record: Record<string, unknown>;
  changes: FieldChange[];
}

export function isPublicChangeEntity(entity: string): entity is PublicChangeEntity {
  return (PUBLIC_CHANGE_ENTITIES as readonly string[]).includes(entity);
}

/** The public view of one audit event, or null when the event is not a public change. */
export function publicChange(event: PublicChangeEvent): PublicChange | null {
  if (!isPublicChangeEntity(event.entity) || !(PUBLIC_CHANGE_ACTIONS as readonly string[]).includes(event.action)) return null;
  const before = publicRecord(event.entity, event.before);
  const after = publicRecord(event.entity, event.after);
  const record = after ?? before;
  if (!record) return null;
  return {
    id: event.id,
    at: event.at,
    action: event.action as PublicChangeAction,
    entity: event.entity,
    recordId: event.recordId,
    record,
    changes: diffRecords(before, after),
  };
}

const text = (v: unknown): string | null => (typeof v === "string" && v ? v : null);

/** The page a change's record is shown on, from its public fields (a deleted record's page may be gone: then the changes page). */
export function changePath(change: PublicChange): string {
  const r = change.record;
  const state = text(r.stateCode);
  const provisionCelex = text(r.provision)?.split(" ")[0] ?? null;
  const celex = text(r.instrument) ?? text(r.celex) ?? provisionCelex;
  if (change.action === "delete") return `/changes#change-${change.id}`;
  switch (change.entity) {
    case "national_measure":
      return text(r.key) ? `/measures/${encodeURIComponent(text(r.key)!)}` : `/changes#change-${change.id}`;
    case "transposition":
      return state && celex ? `/member-states/${state}/instruments/${celex}` : `/changes#change-${change.id}`;
    case "notification":
    case "infringement":
      return state ? `/member-states/${state}` : `/changes#change-${change.id}`;
    case "provision":
      return change.recordId ? `/provisions/${encodeURIComponent(change.recordId)}` : `/changes#change-${change.id}`;
    case "instrument":
      return celex ? `/instruments/${celex}` : `/changes#change-${change.id}`;
    case "instrument_lineage":
      return "/lineage";
  }
}

/** The state and the instruments a change is about, for the feeds' filters and categories. */
export function changeScope(change: PublicChange): { stateCode: string | null; celex: string[] } {
  const r = change.record;
  const celex = new Set<string>();
  for (const v of [r.instrument, r.celex, r.successor, text(r.provision)?.split(" ")[0]]) if (text(v)) celex.add(v as string);
  if (Array.isArray(r.instruments)) for (const v of r.instruments) if (text(v)) celex.add(v as string);
  return { stateCode: text(r.stateCode), celex: [...celex] };
}

const NOUN_KEYS: Record<PublicChangeEntity, MessageKey> = {
  national_measure: "changeNouns.national_measure",
  transposition: "changeNouns.transposition",
  notification: "changeNouns.notification",
  infringement: "changeNouns.infringement",
  instrument: "changeNouns.instrument",
  provision: "changeNouns.provision",
  instrument_lineage: "changeNouns.instrument_lineage",
};

const TITLE_KEYS: Record<PublicChangeAction, MessageKey> = {
  create: "changes.entryCreated",
  update: "changes.entryUpdated",
  delete: "changes.entryDeleted",
  restore: "changes.entryRestored",
};

/** "Changed: 95/46/EC Art. 17 — France", "New national measure: Loi n° 78-17 … (fr-loi-78-17)". */
export function changeTitle(change: PublicChange & { name: string }, t: Translate): string {
  return t(TITLE_KEYS[change.action], { name: change.name, noun: t(NOUN_KEYS[change.entity]) });
}

const MAX_VALUE = 300;
const clip = (v: string) => (v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE - 1)}…` : v);

/** One line per changed public field, "Status: partial → full", with the fields' names as the caller's forms name them. */
export function changeLines(change: PublicChange, fieldLabel: (field: string) => string, t: Translate): string[] {
  if (change.changes.length === 0) return [t("changes.noFieldChanged")];
  return change.changes.map((c) => {
    const values = { field: fieldLabel(c.field), before: clip(c.before), after: clip(c.after) };
    if (c.before === "") return t("changes.fieldSet", values);
    if (c.after === "") return t("changes.fieldCleared", values);
    return t("changes.fieldChange", values);
  });
}

type NamedScope = { state: { name: string } | null; instrument: { shortName: string } | null };
const scopeValues = (scope: NamedScope) => ({ state: scope.state?.name ?? "", instrument: scope.instrument?.shortName ?? "" });

/** The feed's title for its filters. */
export function feedTitle(scope: NamedScope, t: Translate): string {
  if (scope.state && scope.instrument) return t("changes.feedTitleBoth", scopeValues(scope));
  if (scope.state) return t("changes.feedTitleState", scopeValues(scope));
  if (scope.instrument) return t("changes.feedTitleInstrument", scopeValues(scope));
  return t("changes.feedTitle");
}

/** The changes page's heading for its filters. */
export function changesHeading(scope: NamedScope, t: Translate): string {
  if (scope.state && scope.instrument) return t("changes.pageTitleBoth", scopeValues(scope));
  if (scope.state) return t("changes.pageTitleState", scopeValues(scope));
  if (scope.instrument) return t("changes.pageTitleInstrument", scopeValues(scope));
  return t("changes.title");
}

/** The feed's path for a state and an instrument (either may be absent). */
export function feedHref(filter: { state?: string | null; instrument?: string | null }): string {
  const query = new URLSearchParams();
  if (filter.state) query.set("state", filter.state);
  if (filter.instrument) query.set("instrument", filter.instrument);
  return `/feeds/changes.atom${query.size ? `?${query}` : ""}`;
}

/** A filter naming a state or an instrument the inventory lacks (db/queries/changes.ts `findChangesScope`). */
export type ChangesScopeProblem = { code: "noState"; value: string } | { code: "noInstrument"; value: string };

export function scopeProblemText(problem: ChangesScopeProblem, t: Translate): string {
  return problem.code === "noState" ? t("changes.problemNoState", { code: problem.value }) : t("changes.problemNoInstrument", { celex: problem.value });
}
