/**
 * What the generic staff pages need to know about each editable record:
 * its writer, its shared zod schema, its form fields, and where it lives in
 * the public site. Adding an editable noun means adding an entry here.
 */
import type { Db } from "@/db/client";
import { instrumentChoices, measureChoices, obligationChoices, provisionChoices, stateChoices } from "@/db/queries/options";
import { lineageWriter } from "@/db/writes/lineage";
import { provisionWriter } from "@/db/writes/provisions";
import type { EntityWriter, Snapshot } from "@/db/writes/entity";
import { entityDefinitions } from "@/db/entities";
import type { FieldOption, FieldSpec } from "@/app/components/forms/entity-form";
import {
  labels,
  lineageRelations,
  measureStatuses,
  measureTypes,
  notificationStatuses,
  provisionKinds,
  sourceKinds,
  sourceMethods,
  transpositionRelations,
  transpositionStatuses,
  verificationStates,
} from "@/lib/vocabulary";

const choices = (values: readonly string[]): FieldOption[] => values.map((v) => ({ value: v, label: labels[v] ?? v }));

const sourceFieldSpecs: FieldSpec[] = [
  { name: "sourceUrl", label: "Source URL", kind: "url", hint: "Where the fact can be checked: EUR-Lex, an official gazette, a Commission report." },
  { name: "sourceTitle", label: "Source title", kind: "text" },
  { name: "sourceMethod", label: "How it was established", kind: "select", options: choices(sourceMethods), required: true },
  {
    name: "sourceKind",
    label: "Who published the source",
    kind: "select",
    options: choices(sourceKinds),
    hint: "Prefer official sources; commentary (law firms, news, unofficial copies) is never verified.",
  },
  {
    name: "verification",
    label: "Verification",
    kind: "select",
    options: choices(verificationStates),
    required: true,
    hint: "Verified only when seen in a primary or official text.",
  },
];

export interface EntityConfig {
  slug: "measures" | "transpositions" | "notifications" | "provisions" | "lineage";
  entity: string;
  /** Inventory records are edited with inventory.edit; the reference data (provisions, mapping) with reference.edit. */
  permission: "inventory.edit" | "reference.edit";
  singular: string;
  writer: EntityWriter<never>;
  fields(db: Db, stateCode: string | null): FieldSpec[];
  /** Values for a new record, from the query string (e.g. ?state=DE&provision=12). */
  blank(query: Record<string, string | undefined>): Record<string, unknown>;
  publicHref(snapshot: Snapshot): string;
  describe(snapshot: Snapshot): string;
}

const inventoryConfigs: Record<Exclude<EntityConfig["slug"], "provisions" | "lineage">, EntityConfig> = {
  measures: {
    slug: "measures",
    entity: "national_measure",
    permission: "inventory.edit",
    singular: entityDefinitions.national_measure.noun,
    writer: entityDefinitions.national_measure.writer,
    fields: (db) => [
      { name: "stateCode", label: "Member State", kind: "select", options: stateChoices(db), required: true },
      { name: "key", label: "Key", kind: "text", required: true, hint: "Stable identifier: state code, dash, short name (e.g. de-bdsg-2001)." },
      { name: "titleOriginal", label: "Title in the original language", kind: "textarea", required: true },
      { name: "titleEnglish", label: "English title", kind: "textarea" },
      { name: "titleEnglishIsWorkingTranslation", label: "The English title is a working translation", kind: "checkbox" },
      {
        name: "workingTitleFr",
        label: "Working title in French",
        kind: "textarea",
        messages: { label: "measureTitles.formWorkingTitleFr", hint: "measureTitles.formWorkingTitleFrHint" },
      },
      {
        name: "workingTitleDe",
        label: "Working title in German",
        kind: "textarea",
        messages: { label: "measureTitles.formWorkingTitleDe", hint: "measureTitles.formWorkingTitleDeHint" },
      },
      { name: "language", label: "Language (ISO 639-1)", kind: "text", required: true },
      { name: "type", label: "Type", kind: "select", options: choices(measureTypes), required: true },
      { name: "nationalIdentifier", label: "National identifier", kind: "text", hint: "As the state writes it, e.g. BGBl. I Nr. 165/1999." },
      {
        name: "adoptedOn",
        label: "Adopted on",
        kind: "text",
        hint: "YYYY-MM-DD or DD/MM/YYYY, or YYYY-MM or YYYY when the source gives only a month or a year.",
      },
      {
        name: "publishedOn",
        label: "Published on",
        kind: "text",
        hint: "YYYY-MM-DD or DD/MM/YYYY, or YYYY-MM or YYYY when the source gives only a month or a year.",
      },
      {
        name: "inForceOn",
        label: "In force from",
        kind: "text",
        hint: "YYYY-MM-DD or DD/MM/YYYY, or YYYY-MM or YYYY when the source gives only a month or a year.",
      },
      {
        name: "notifiedOn",
        label: "Notified to the Commission on",
        kind: "text",
        hint: "YYYY-MM-DD or DD/MM/YYYY, or YYYY-MM or YYYY when the source gives only a month or a year.",
      },
      {
        name: "repealedOn",
        label: "Repealed on",
        kind: "text",
        hint: "YYYY-MM-DD or DD/MM/YYYY, or YYYY-MM or YYYY when the source gives only a month or a year.",
      },
      { name: "publicationReference", label: "Publication reference", kind: "text" },
      { name: "url", label: "Official URL", kind: "url" },
      { name: "status", label: "Status", kind: "select", options: choices(measureStatuses), required: true },
      { name: "instruments", label: "Instruments it transposes", kind: "checkboxes", options: instrumentChoices(db) },
      { name: "note", label: "Note", kind: "textarea" },
      ...sourceFieldSpecs,
    ],
    blank: (q) => ({
      stateCode: q.state ?? "",
      key: q.state ? `${q.state.toLowerCase()}-` : "",
      type: "act",
      status: "in_force",
      sourceMethod: "desk_research",
      verification: "unverified",
      instruments: q.instrument ? [q.instrument] : [],
    }),
    publicHref: (s) => `/measures/${String(s.key)}`,
    describe: (s) => String(s.titleOriginal),
  },
  transpositions: {
    slug: "transpositions",
    entity: "transposition",
    permission: "inventory.edit",
    singular: entityDefinitions.transposition.noun,
    writer: entityDefinitions.transposition.writer,
    fields: (db, stateCode) => [
      { name: "stateCode", label: "Member State", kind: "select", options: stateChoices(db), required: true },
      { name: "provisionId", label: "Provision", kind: "select", options: provisionChoices(db), required: true },
      {
        name: "status",
        label: "Status",
        kind: "select",
        options: choices(transpositionStatuses),
        required: true,
        hint: "Unknown means not yet assessed — not the same as Not transposed.",
      },
      {
        name: "relation",
        label: "Relation of the national text to the directive's",
        kind: "select",
        options: choices(transpositionRelations).map((o) => ({
          ...o,
          label: o.value === "subset" ? "Subset (narrower)" : o.value === "superset" ? "Superset (goes further)" : o.value === "equal" ? "Equal" : "Intersect",
        })),
      },
      { name: "nationalProvision", label: "National provision(s)", kind: "text", hint: "e.g. § 9 BDSG" },
      {
        name: "measureKeys",
        label: "National measures",
        kind: "checkboxes",
        options: stateCode ? measureChoices(db, stateCode) : [],
        hint: stateCode ? undefined : "Choose the Member State first and reload to pick its measures.",
      },
      { name: "note", label: "Assessment note", kind: "textarea" },
      ...sourceFieldSpecs,
    ],
    blank: (q) => ({
      stateCode: q.state ?? "",
      provisionId: q.provision ?? "",
      status: "unknown",
      sourceMethod: "desk_research",
      verification: "unverified",
      measureKeys: [],
    }),
    publicHref: (s) => `/member-states/${String(s.stateCode)}`,
    describe: (s) => `${String(s.stateCode)} — ${String(s.provision)}`,
  },
  notifications: {
    slug: "notifications",
    entity: "notification",
    permission: "inventory.edit",
    singular: entityDefinitions.notification.noun,
    writer: entityDefinitions.notification.writer,
    fields: (db, stateCode) => [
      { name: "stateCode", label: "Member State", kind: "select", options: stateChoices(db), required: true },
      { name: "instrument", label: "Instrument", kind: "select", options: instrumentChoices(db), required: true },
      { name: "status", label: "Notified transposition", kind: "select", options: choices(notificationStatuses), required: true },
      {
        name: "notifiedOn",
        label: "Notified on",
        kind: "text",
        hint: "YYYY-MM-DD or DD/MM/YYYY, or YYYY-MM or YYYY when the source gives only a month or a year.",
      },
      { name: "principalMeasureKey", label: "Principal measure", kind: "select", options: stateCode ? measureChoices(db, stateCode) : [] },
      { name: "statusAsOf", label: "Status established on", kind: "date", hint: "The day the source states the status, e.g. no act adopted as of that day." },
      { name: "note", label: "Note", kind: "textarea" },
      ...sourceFieldSpecs,
    ],
    blank: (q) => ({
      stateCode: q.state ?? "",
      instrument: q.instrument ?? "",
      status: "complete",
      sourceMethod: "official_notification",
      verification: "unverified",
    }),
    publicHref: (s) => `/member-states/${String(s.stateCode)}`,
    describe: (s) => `${String(s.stateCode)} — ${String(s.instrument)}`,
  },
};

const lineageConfig: EntityConfig = {
  slug: "lineage",
  entity: "instrument_lineage",
  permission: "reference.edit",
  singular: "lineage relation",
  writer: lineageWriter as EntityWriter<never>,
  fields: (db) => [
    { name: "instrument", label: "Instrument", kind: "select", options: instrumentChoices(db), required: true, hint: "The earlier instrument." },
    { name: "relation", label: "Relation", kind: "select", options: choices(lineageRelations), required: true },
    {
      name: "successor",
      label: "By",
      kind: "select",
      options: instrumentChoices(db),
      required: true,
      hint: "The later instrument that repeals, amends or replaces it.",
    },
    { name: "fromDate", label: "With effect from", kind: "date", hint: "The day the repeal or amendment applies; leave empty when the source gives none." },
    { name: "note", label: "Note", kind: "textarea" },
    ...sourceFieldSpecs,
  ],
  blank: (q) => ({
    instrument: q.instrument ?? "",
    relation: "repealed_by",
    successor: q.successor ?? "",
    sourceMethod: "eur_lex",
    sourceKind: "official_journal",
    verification: "unverified",
  }),
  publicHref: (s) => `/instruments/${String(s.instrument)}#lineage`,
  describe: (s) => `${String(s.instrument)} ${String(s.relation).replace("_", " ")} ${String(s.successor)}`,
};

export const entityConfigs: Record<EntityConfig["slug"], EntityConfig> = {
  ...inventoryConfigs,
  lineage: lineageConfig,
  provisions: {
    slug: "provisions",
    entity: "provision",
    permission: "reference.edit",
    singular: "provision",
    writer: provisionWriter as EntityWriter<never>,
    fields: (db) => [
      { name: "instrument", label: "Instrument", kind: "select", options: instrumentChoices(db), required: true },
      { name: "kind", label: "Kind", kind: "select", options: choices(provisionKinds), required: true },
      { name: "number", label: "Number", kind: "text", required: true, hint: "As the instrument writes it: 17, 17(1), II." },
      { name: "heading", label: "Heading", kind: "text", required: true },
      { name: "summary", label: "Summary", kind: "textarea", required: true },
      { name: "requiresTransposition", label: "Requires transposition", kind: "checkbox" },
      { name: "securityRelevant", label: "Security-relevant", kind: "checkbox" },
      { name: "deadline", label: "Own transposition deadline (only if it differs from the instrument's)", kind: "date" },
      { name: "obligationKeys", label: "Security obligations this provision imposes", kind: "checkboxes", options: obligationChoices(db) },
      ...sourceFieldSpecs,
    ],
    blank: (q) => ({
      instrument: q.instrument ?? "",
      kind: "article",
      requiresTransposition: true,
      securityRelevant: false,
      sourceMethod: "eur_lex",
      verification: "unverified",
      obligationKeys: [],
    }),
    publicHref: (s) => `/provisions/${s.id}`,
    describe: (s) => `${String(s.instrument)} ${String(s.kind)} ${String(s.number)} — ${String(s.heading)}`,
  },
};

export function entityConfig(slug: string): EntityConfig | null {
  return slug in entityConfigs ? entityConfigs[slug as EntityConfig["slug"]] : null;
}
