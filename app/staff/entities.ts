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
import type { MessageKey, Translate } from "@/lib/translate";
import type { Locale } from "@/lib/format";
import {
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

/** A vocabulary's values as options, labelled in the interface's language (messages "vocabulary", keyed by value). */
const choices = (t: Translate, values: readonly string[]): FieldOption[] => values.map((v) => ({ value: v, label: t(`vocabulary.${v}` as MessageKey) }));

/** Values the shared vocabulary does not name, with the words these forms give them. */
const RELATION_KEYS = {
  equal: "fields.relationEqual",
  subset: "fields.relationSubset",
  superset: "fields.relationSuperset",
  intersect: "fields.relationIntersect",
} as const satisfies Record<(typeof transpositionRelations)[number], MessageKey>;
const KIND_KEYS = {
  article: "fields.kindArticle",
  paragraph: "fields.kindParagraph",
  annex: "fields.kindAnnex",
} as const satisfies Record<(typeof provisionKinds)[number], MessageKey>;

const sourceFieldSpecs = (t: Translate): FieldSpec[] => [
  { name: "sourceUrl", label: t("fields.sourceUrl"), kind: "url", hint: t("fields.sourceUrlHint") },
  { name: "sourceTitle", label: t("fields.sourceTitle"), kind: "text" },
  { name: "sourceMethod", label: t("fields.sourceMethod"), kind: "select", options: choices(t, sourceMethods), required: true },
  { name: "sourceKind", label: t("fields.sourceKind"), kind: "select", options: choices(t, sourceKinds), hint: t("fields.sourceKindHint") },
  {
    name: "verification",
    label: t("fields.verification"),
    kind: "select",
    options: choices(t, verificationStates),
    required: true,
    hint: t("fields.verificationHint"),
  },
];

export interface EntityConfig {
  slug: "measures" | "transpositions" | "notifications" | "provisions" | "lineage";
  entity: string;
  /** Inventory records are edited with inventory.edit; the reference data (provisions, mapping) with reference.edit. */
  permission: "inventory.edit" | "reference.edit";
  singular: string;
  writer: EntityWriter<never>;
  /** The form's fields, their labels and hints in the language of `t` (the page's; English for the feed), Member States named in `locale`. */
  fields(db: Db, stateCode: string | null, t: Translate, locale?: Locale): FieldSpec[];
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
    fields: (db, _stateCode, t, locale) => [
      { name: "stateCode", label: t("fields.stateCode"), kind: "select", options: stateChoices(db, locale), required: true },
      { name: "key", label: t("fields.key"), kind: "text", required: true, hint: t("fields.keyHint") },
      { name: "titleOriginal", label: t("fields.titleOriginal"), kind: "textarea", required: true },
      { name: "titleEnglish", label: t("fields.titleEnglish"), kind: "textarea" },
      { name: "titleEnglishIsWorkingTranslation", label: t("fields.titleEnglishIsWorkingTranslation"), kind: "checkbox" },
      { name: "workingTitleFr", label: t("measureTitles.formWorkingTitleFr"), kind: "textarea", hint: t("measureTitles.formWorkingTitleFrHint") },
      { name: "workingTitleDe", label: t("measureTitles.formWorkingTitleDe"), kind: "textarea", hint: t("measureTitles.formWorkingTitleDeHint") },
      { name: "language", label: t("fields.language"), kind: "text", required: true },
      { name: "type", label: t("fields.type"), kind: "select", options: choices(t, measureTypes), required: true },
      { name: "nationalIdentifier", label: t("fields.nationalIdentifier"), kind: "text", hint: t("fields.nationalIdentifierHint") },
      {
        name: "adoptedOn",
        label: t("fields.adoptedOn"),
        kind: "text",
        hint: t("fields.partialDateHint"),
      },
      {
        name: "publishedOn",
        label: t("fields.publishedOn"),
        kind: "text",
        hint: t("fields.partialDateHint"),
      },
      {
        name: "inForceOn",
        label: t("fields.inForceOn"),
        kind: "text",
        hint: t("fields.partialDateHint"),
      },
      {
        name: "notifiedOn",
        label: t("fields.notifiedToCommissionOn"),
        kind: "text",
        hint: t("fields.partialDateHint"),
      },
      {
        name: "repealedOn",
        label: t("fields.repealedOn"),
        kind: "text",
        hint: t("fields.partialDateHint"),
      },
      { name: "publicationReference", label: t("fields.publicationReference"), kind: "text" },
      { name: "url", label: t("fields.url"), kind: "url" },
      { name: "status", label: t("fields.status"), kind: "select", options: choices(t, measureStatuses), required: true },
      { name: "instruments", label: t("fields.instruments"), kind: "checkboxes", options: instrumentChoices(db) },
      { name: "note", label: t("fields.note"), kind: "textarea" },
      ...sourceFieldSpecs(t),
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
    fields: (db, stateCode, t, locale) => [
      { name: "stateCode", label: t("fields.stateCode"), kind: "select", options: stateChoices(db, locale), required: true },
      { name: "provisionId", label: t("fields.provisionId"), kind: "select", options: provisionChoices(db), required: true },
      {
        name: "status",
        label: t("fields.status"),
        kind: "select",
        options: choices(t, transpositionStatuses),
        required: true,
        hint: t("fields.transpositionStatusHint"),
      },
      {
        name: "relation",
        label: t("fields.relation"),
        kind: "select",
        options: transpositionRelations.map((value) => ({ value, label: t(RELATION_KEYS[value]) })),
      },
      { name: "nationalProvision", label: t("fields.nationalProvision"), kind: "text", hint: t("fields.nationalProvisionHint") },
      {
        name: "measureKeys",
        label: t("fields.measureKeys"),
        kind: "checkboxes",
        options: stateCode ? measureChoices(db, stateCode) : [],
        hint: stateCode ? undefined : t("fields.measureKeysHint"),
      },
      { name: "note", label: t("fields.assessmentNote"), kind: "textarea" },
      ...sourceFieldSpecs(t),
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
    fields: (db, stateCode, t, locale) => [
      { name: "stateCode", label: t("fields.stateCode"), kind: "select", options: stateChoices(db, locale), required: true },
      { name: "instrument", label: t("fields.instrument"), kind: "select", options: instrumentChoices(db), required: true },
      { name: "status", label: t("fields.notificationStatus"), kind: "select", options: choices(t, notificationStatuses), required: true },
      {
        name: "notifiedOn",
        label: t("fields.notifiedOn"),
        kind: "text",
        hint: t("fields.partialDateHint"),
      },
      { name: "principalMeasureKey", label: t("fields.principalMeasureKey"), kind: "select", options: stateCode ? measureChoices(db, stateCode) : [] },
      { name: "statusAsOf", label: t("fields.statusAsOf"), kind: "date", hint: t("fields.statusAsOfHint") },
      { name: "note", label: t("fields.note"), kind: "textarea" },
      ...sourceFieldSpecs(t),
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
  fields: (db, _stateCode, t) => [
    {
      name: "instrument",
      label: t("fields.instrument"),
      kind: "select",
      options: instrumentChoices(db),
      required: true,
      hint: t("fields.lineageInstrumentHint"),
    },
    { name: "relation", label: t("fields.lineageRelation"), kind: "select", options: choices(t, lineageRelations), required: true },
    {
      name: "successor",
      label: t("fields.successor"),
      kind: "select",
      options: instrumentChoices(db),
      required: true,
      hint: t("fields.successorHint"),
    },
    { name: "fromDate", label: t("fields.fromDate"), kind: "date", hint: t("fields.fromDateHint") },
    { name: "note", label: t("fields.note"), kind: "textarea" },
    ...sourceFieldSpecs(t),
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
    fields: (db, _stateCode, t) => [
      { name: "instrument", label: t("fields.instrument"), kind: "select", options: instrumentChoices(db), required: true },
      {
        name: "kind",
        label: t("fields.kind"),
        kind: "select",
        options: provisionKinds.map((value) => ({ value, label: t(KIND_KEYS[value]) })),
        required: true,
      },
      { name: "number", label: t("fields.number"), kind: "text", required: true, hint: t("fields.numberHint") },
      { name: "heading", label: t("fields.heading"), kind: "text", required: true },
      { name: "summary", label: t("fields.summary"), kind: "textarea", required: true },
      { name: "requiresTransposition", label: t("fields.requiresTransposition"), kind: "checkbox" },
      { name: "securityRelevant", label: t("fields.securityRelevant"), kind: "checkbox" },
      { name: "deadline", label: t("fields.deadline"), kind: "date" },
      { name: "obligationKeys", label: t("fields.obligationKeys"), kind: "checkboxes", options: obligationChoices(db) },
      ...sourceFieldSpecs(t),
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
