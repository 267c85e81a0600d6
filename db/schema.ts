/**
 * The one description of the database. Dates are ISO `YYYY-MM-DD` text,
 * timestamps ISO-8601 UTC text: SQLite compares them correctly as strings
 * and they export unchanged. Every editable table has an integer `version`
 * for optimistic concurrency.
 */
import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  addressees,
  datePrecisions,
  lineageRelations,
  sourceKinds,
  infringementStages,
  infringementTypes,
  instrumentTypes,
  measureStatuses,
  measureTypes,
  notificationStatuses,
  provisionKinds,
  roles,
  securityProperties,
  sourceMethods,
  submissionOperations,
  submissionStatuses,
  threatCategories,
  transpositionRelations,
  transpositionStatuses,
  verificationStates,
} from "../lib/vocabulary";

/** `col IN ('a','b',…)` for a CHECK constraint, built from a vocabulary list (constants, never input). */
function oneOf(column: AnySQLiteColumn, values: readonly string[]) {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", "))})`;
}

const version = () => integer("version").notNull().default(1);
/** How precise the date beside it is; null means a day. The date column then holds the last day of the month or year (lib/partial-date.ts). */
const precision = (name: string) => text(name, { enum: datePrecisions });
const updatedAt = () =>
  text("updated_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const sources = sqliteTable(
  "sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** url when there is one, else the document citation: a source is stored once. */
    key: text("key").notNull().unique(),
    url: text("url"),
    document: text("document"),
    title: text("title").notNull(),
    retrievedOn: text("retrieved_on").notNull(),
    method: text("method", { enum: sourceMethods }).notNull(),
    /** Who published it: official journal, government, Commission, court, DPA or commentary; null for records from before kinds were recorded. */
    kind: text("kind", { enum: sourceKinds }),
    verification: text("verification", { enum: verificationStates }).notNull(),
    version: version(),
  },
  (t) => [
    check("sources_method", oneOf(t.method, sourceMethods)),
    check("sources_kind", sql`${t.kind} is null or ${oneOf(t.kind, sourceKinds)}`),
    check("sources_verification", oneOf(t.verification, verificationStates)),
    check("sources_url_or_document", sql`${t.url} is not null or ${t.document} is not null`),
    check("sources_url_scheme", sql`${t.url} is null or ${t.url} like 'http://%' or ${t.url} like 'https://%'`),
  ],
);

export const memberStates = sqliteTable(
  "member_states",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    accessionDate: text("accession_date").notNull(),
    exitDate: text("exit_date"),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    version: version(),
  },
  (t) => [
    check("member_states_code", sql`length(${t.code}) = 2 and ${t.code} = upper(${t.code})`),
    check("member_states_exit_after_accession", sql`${t.exitDate} is null or ${t.exitDate} > ${t.accessionDate}`),
  ],
);

export const instruments = sqliteTable(
  "instruments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    celex: text("celex").notNull().unique(),
    type: text("type", { enum: instrumentTypes }).notNull(),
    shortName: text("short_name").notNull(),
    title: text("title").notNull(),
    adoptionDate: text("adoption_date").notNull(),
    ojReference: text("oj_reference").notNull(),
    eli: text("eli"),
    transpositionDeadline: text("transposition_deadline"),
    /** A regulation's date of application; it has no transposition deadline. */
    appliesFrom: text("applies_from"),
    /** CELEX of the repealing act; it need not be in the inventory. */
    repealedBy: text("repealed_by"),
    repealedFrom: text("repealed_from"),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    verification: text("verification", { enum: verificationStates }).notNull(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [check("instruments_type", oneOf(t.type, instrumentTypes))],
);

/**
 * The lines of law: `instrument` was repealed, amended or replaced by
 * `successor` from a date. Several successors and predecessors are allowed;
 * lib/lineage.ts refuses a cycle or a repeal dated before the adoption.
 */
export const instrumentLineage = sqliteTable(
  "instrument_lineage",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    instrumentId: integer("instrument_id")
      .notNull()
      .references(() => instruments.id, { onDelete: "cascade" }),
    relation: text("relation", { enum: lineageRelations }).notNull(),
    successorId: integer("successor_id")
      .notNull()
      .references(() => instruments.id, { onDelete: "cascade" }),
    fromDate: text("from_date"),
    note: text("note"),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    verification: text("verification", { enum: verificationStates }).notNull(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("instrument_lineage_pair").on(t.instrumentId, t.relation, t.successorId),
    index("instrument_lineage_successor").on(t.successorId),
    check("instrument_lineage_relation", oneOf(t.relation, lineageRelations)),
    check("instrument_lineage_not_self", sql`${t.instrumentId} <> ${t.successorId}`),
  ],
);

export const provisions = sqliteTable(
  "provisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    instrumentId: integer("instrument_id")
      .notNull()
      .references(() => instruments.id, { onDelete: "restrict" }),
    kind: text("kind", { enum: provisionKinds }).notNull(),
    number: text("number").notNull(),
    /** Document order within the instrument (articles, then annexes). */
    position: integer("position").notNull(),
    heading: text("heading").notNull(),
    summary: text("summary").notNull(),
    requiresTransposition: integer("requires_transposition", { mode: "boolean" }).notNull(),
    securityRelevant: integer("security_relevant", { mode: "boolean" }).notNull(),
    /** Only where the provision's deadline differs from the instrument's. */
    deadline: text("deadline"),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    verification: text("verification", { enum: verificationStates }).notNull(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("provisions_instrument_kind_number").on(t.instrumentId, t.kind, t.number),
    index("provisions_instrument_position").on(t.instrumentId, t.position),
    check("provisions_kind", oneOf(t.kind, provisionKinds)),
  ],
);

export const obligations = sqliteTable(
  "obligations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull().unique(),
    duty: text("duty").notNull(),
    addressee: text("addressee", { enum: addressees }).notNull(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    verification: text("verification", { enum: verificationStates }).notNull(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [check("obligations_addressee", oneOf(t.addressee, addressees))],
);

export const obligationSecurityProperties = sqliteTable(
  "obligation_security_properties",
  {
    obligationId: integer("obligation_id")
      .notNull()
      .references(() => obligations.id, { onDelete: "cascade" }),
    property: text("property", { enum: securityProperties }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.obligationId, t.property] }),
    index("obligation_security_properties_property").on(t.property),
    check("obligation_security_properties_property", oneOf(t.property, securityProperties)),
  ],
);

export const obligationThreats = sqliteTable(
  "obligation_threats",
  {
    obligationId: integer("obligation_id")
      .notNull()
      .references(() => obligations.id, { onDelete: "cascade" }),
    threat: text("threat", { enum: threatCategories }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.obligationId, t.threat] }), check("obligation_threats_threat", oneOf(t.threat, threatCategories))],
);

export const provisionObligations = sqliteTable(
  "provision_obligations",
  {
    provisionId: integer("provision_id")
      .notNull()
      .references(() => provisions.id, { onDelete: "cascade" }),
    obligationId: integer("obligation_id")
      .notNull()
      .references(() => obligations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.provisionId, t.obligationId] }), index("provision_obligations_obligation").on(t.obligationId)],
);

export const nationalMeasures = sqliteTable(
  "national_measures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Stable public key, e.g. `de-bdsg-2001`. */
    key: text("key").notNull().unique(),
    stateCode: text("state_code")
      .notNull()
      .references(() => memberStates.code),
    titleOriginal: text("title_original").notNull(),
    titleEnglish: text("title_english"),
    titleEnglishIsWorkingTranslation: integer("title_english_is_working_translation", { mode: "boolean" }).notNull(),
    /** Optional working titles for the French and German interface (issue #18): ours, never official; the original title stays the legal one. */
    workingTitleFr: text("working_title_fr"),
    workingTitleDe: text("working_title_de"),
    language: text("language").notNull(),
    type: text("type", { enum: measureTypes }).notNull(),
    nationalIdentifier: text("national_identifier"),
    eli: text("eli"),
    eurLexNimNumber: text("eur_lex_nim_number"),
    adoptedOn: text("adopted_on"),
    adoptedOnPrecision: precision("adopted_on_precision"),
    publishedOn: text("published_on"),
    publishedOnPrecision: precision("published_on_precision"),
    inForceOn: text("in_force_on"),
    inForceOnPrecision: precision("in_force_on_precision"),
    notifiedOn: text("notified_on"),
    notifiedOnPrecision: precision("notified_on_precision"),
    /** When the measure stopped applying; null while in force or when the date is not known. */
    repealedOn: text("repealed_on"),
    repealedOnPrecision: precision("repealed_on_precision"),
    publicationReference: text("publication_reference"),
    url: text("url"),
    status: text("status", { enum: measureStatuses }).notNull(),
    note: text("note"),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    verification: text("verification", { enum: verificationStates }).notNull(),
    isSynthetic: integer("is_synthetic", { mode: "boolean" }).notNull().default(false),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("national_measures_state").on(t.stateCode),
    // Browse tables sort by these dates with the id as tiebreaker (the rowid ends every index).
    // Leading columns as the old (state, adopted) index; the dates make the "as of" check covering (lib/as-of.ts).
    index("national_measures_state_dates").on(t.stateCode, t.adoptedOn, t.publishedOn, t.inForceOn, t.repealedOn),
    index("national_measures_adopted").on(t.adoptedOn),
    index("national_measures_in_force").on(t.inForceOn),
    index("national_measures_notified").on(t.notifiedOn),
    check("national_measures_type", oneOf(t.type, measureTypes)),
    check("national_measures_status", oneOf(t.status, measureStatuses)),
    check("national_measures_url_scheme", sql`${t.url} is null or ${t.url} like 'http://%' or ${t.url} like 'https://%'`),
  ],
);

/** One national act may transpose several instruments. */
export const measureInstruments = sqliteTable(
  "measure_instruments",
  {
    measureId: integer("measure_id")
      .notNull()
      .references(() => nationalMeasures.id, { onDelete: "cascade" }),
    instrumentId: integer("instrument_id")
      .notNull()
      .references(() => instruments.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.instrumentId] }), index("measure_instruments_instrument").on(t.instrumentId)],
);

export const transpositions = sqliteTable(
  "transpositions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stateCode: text("state_code")
      .notNull()
      .references(() => memberStates.code),
    provisionId: integer("provision_id")
      .notNull()
      .references(() => provisions.id, { onDelete: "restrict" }),
    status: text("status", { enum: transpositionStatuses }).notNull().default("unknown"),
    relation: text("relation", { enum: transpositionRelations }),
    nationalProvision: text("national_provision"),
    note: text("note"),
    assessorId: integer("assessor_id").references(() => users.id, { onDelete: "set null" }),
    assessorName: text("assessor_name"),
    assessedAt: text("assessed_at"),
    sourceId: integer("source_id").references(() => sources.id),
    verification: text("verification", { enum: verificationStates }).notNull().default("unverified"),
    isSynthetic: integer("is_synthetic", { mode: "boolean" }).notNull().default(false),
    /*
     * When the correspondence counts "as of" a date (lib/as-of.ts), summed up
     * from its cited measures by the triggers of migration 0008 in the
     * transaction that changes them, so that counting rows is a look at the row
     * (or an index) instead of a join to the measures per row:
     * counts_from — the earliest day one of its measures is known from; null when it cites none (it counts from the start);
     * counts_until — the day the last of them is repealed; null when one never is;
     * counts_by_window — false when the measures' periods are not one window
     * (an undated measure, or several with some repealed): the rule then reads the measures.
     */
    countsFrom: text("counts_from"),
    countsUntil: text("counts_until"),
    countsByWindow: integer("counts_by_window", { mode: "boolean" }).notNull().default(true),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("transpositions_state_provision").on(t.stateCode, t.provisionId),
    index("transpositions_provision").on(t.provisionId),
    // The default sort of /transpositions (state, id) straight from the index, which also holds the "as of" window: a capped count never reads the table.
    index("transpositions_state_window").on(t.stateCode, t.id, t.countsByWindow, t.countsFrom, t.countsUntil),
    index("transpositions_status_state_window").on(t.status, t.stateCode, t.id, t.countsByWindow, t.countsFrom, t.countsUntil),
    check("transpositions_status", oneOf(t.status, transpositionStatuses)),
    check("transpositions_relation", sql`${t.relation} is null or ${oneOf(t.relation, transpositionRelations)}`),
  ],
);

export const transpositionMeasures = sqliteTable(
  "transposition_measures",
  {
    transpositionId: integer("transposition_id")
      .notNull()
      .references(() => transpositions.id, { onDelete: "cascade" }),
    measureId: integer("measure_id")
      .notNull()
      .references(() => nationalMeasures.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.transpositionId, t.measureId] }), index("transposition_measures_measure").on(t.measureId)],
);

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stateCode: text("state_code")
      .notNull()
      .references(() => memberStates.code),
    instrumentId: integer("instrument_id")
      .notNull()
      .references(() => instruments.id, { onDelete: "restrict" }),
    status: text("status", { enum: notificationStatuses }).notNull(),
    notifiedOn: text("notified_on"),
    notifiedOnPrecision: precision("notified_on_precision"),
    /** The day the status was established ("none as of 2025-10-01"); null when the source gives none. */
    statusAsOf: text("status_as_of"),
    note: text("note"),
    /** The state's principal measure for the instrument; its other measures are ancillary. */
    principalMeasureId: integer("principal_measure_id").references(() => nationalMeasures.id, { onDelete: "set null" }),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    verification: text("verification", { enum: verificationStates }).notNull(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("notifications_state_instrument").on(t.stateCode, t.instrumentId),
    index("notifications_instrument").on(t.instrumentId),
    index("notifications_principal_measure").on(t.principalMeasureId),
    check("notifications_status", oneOf(t.status, notificationStatuses)),
  ],
);

export const infringements = sqliteTable(
  "infringements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stateCode: text("state_code")
      .notNull()
      .references(() => memberStates.code),
    instrumentId: integer("instrument_id")
      .notNull()
      .references(() => instruments.id, { onDelete: "restrict" }),
    type: text("type", { enum: infringementTypes }).notNull(),
    procedureNumber: text("procedure_number"),
    courtCase: text("court_case"),
    outcome: text("outcome"),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    verification: text("verification", { enum: verificationStates }).notNull(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("infringements_state").on(t.stateCode),
    index("infringements_instrument").on(t.instrumentId),
    check("infringements_type", oneOf(t.type, infringementTypes)),
  ],
);

export const infringementStageEvents = sqliteTable(
  "infringement_stages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    infringementId: integer("infringement_id")
      .notNull()
      .references(() => infringements.id, { onDelete: "cascade" }),
    stage: text("stage", { enum: infringementStages }).notNull(),
    date: text("date"),
    datePrecision: precision("date_precision"),
    note: text("note"),
  },
  (t) => [index("infringement_stages_infringement").on(t.infringementId), check("infringement_stages_stage", oneOf(t.stage, infringementStages))],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: roles }).notNull(),
    /** Set for regulators only: the one Member State they may propose changes for. */
    memberStateCode: text("member_state_code").references(() => memberStates.code),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    disabledAt: text("disabled_at"),
    /** Sessions issued before this instant are refused (password change, sign-out everywhere). */
    sessionsValidAfter: text("sessions_valid_after"),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    version: version(),
  },
  (t) => [check("users_role", oneOf(t.role, roles)), check("users_regulator_has_state", sql`(${t.role} = 'regulator') = (${t.memberStateCode} is not null)`)],
);

export const submissions = sqliteTable(
  "submissions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stateCode: text("state_code")
      .notNull()
      .references(() => memberStates.code),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: submissionStatuses }).notNull().default("pending"),
    message: text("message").notNull(),
    reviewerId: integer("reviewer_id").references(() => users.id),
    reviewComment: text("review_comment"),
    /** Client-supplied key so a double submit creates one submission. */
    idempotencyKey: text("idempotency_key").unique(),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    reviewedAt: text("reviewed_at"),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [index("submissions_state_status").on(t.stateCode, t.status), check("submissions_status", oneOf(t.status, submissionStatuses))],
);

export const submissionChanges = sqliteTable(
  "submission_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    submissionId: integer("submission_id")
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    entity: text("entity", { enum: ["national_measure", "transposition", "notification"] }).notNull(),
    operation: text("operation", { enum: submissionOperations }).notNull(),
    recordId: integer("record_id"),
    /** The record's version when the change was drafted: a newer version means a conflict. */
    baseVersion: integer("base_version"),
    /** JSON of the proposed fields, validated with the entity's zod schema before it is stored. */
    payload: text("payload", { mode: "json" }).notNull(),
  },
  (t) => [index("submission_changes_submission").on(t.submissionId), check("submission_changes_operation", oneOf(t.operation, submissionOperations))],
);

/** Personal API tokens: only a SHA-256 hash is stored; the token itself is shown once. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters of the token, so its owner can tell tokens apart. */
    prefix: text("prefix").notNull(),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    lastUsedAt: text("last_used_at"),
    expiresAt: text("expires_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("api_tokens_user").on(t.userId)],
);

/** Sign-in attempts, kept to throttle failures per account and per address. */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    address: text("address").notNull(),
    at: text("at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    succeeded: integer("succeeded", { mode: "boolean" }).notNull(),
  },
  (t) => [index("sign_in_attempts_email_at").on(t.email, t.at), index("sign_in_attempts_address_at").on(t.address, t.at)],
);

/** Append-only: triggers in the migrations refuse UPDATE and DELETE. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** Who acted, kept as text so the event survives the account: "seed", "alice@example.eu". */
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    recordId: text("record_id"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    submissionId: integer("submission_id").references(() => submissions.id, { onDelete: "set null" }),
    reason: text("reason"),
    requestId: text("request_id"),
  },
  (t) => [index("audit_events_entity_record").on(t.entity, t.recordId), index("audit_events_at").on(t.at)],
);

/*
 * The indicator cache: per-instrument indicator results for one "as of" date,
 * computed on demand by db/cache/indicator-cache.ts from the records above
 * with the pure functions of lib/indicators, and kept in step by the write
 * transactions: triggers (migration 0005) delete an instrument's rows in the
 * same transaction as any change to what they were computed from. Derived
 * data, not records of the inventory: never exported, edited or audited.
 */

/** One row per instrument × date computed; its presence is what makes the rows below valid. */
export const indicatorCacheInstruments = sqliteTable(
  "indicator_cache_instruments",
  {
    instrumentId: integer("instrument_id")
      .notNull()
      .references(() => instruments.id, { onDelete: "cascade" }),
    asOf: text("as_of").notNull(),
    /** The day undated facts were taken to be known from (lib/indicators/inventory.ts, `takenOn`): today when computed. */
    takenOn: text("taken_on").notNull(),
    /** Σ assessed states over the instrument's provision rows (harmonisation). */
    assessedPairs: integer("assessed_pairs").notNull(),
    /** Σ (states counted − not applicable) over the provision rows. */
    boundPairs: integer("bound_pairs").notNull(),
    computedAt: text("computed_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [primaryKey({ columns: [t.instrumentId, t.asOf, t.takenOn] }), index("indicator_cache_instruments_date").on(t.asOf, t.takenOn)],
);

/** Provision coverage of one state × instrument (lib/indicators/coverage.ts, InstrumentCoverage), one row per in-scope pair. */
export const indicatorCacheCells = sqliteTable(
  "indicator_cache_cells",
  {
    instrumentId: integer("instrument_id").notNull(),
    asOf: text("as_of").notNull(),
    takenOn: text("taken_on").notNull(),
    stateCode: text("state_code").notNull(),
    provisionCount: integer("provision_count").notNull(),
    fullCount: integer("full_count").notNull(),
    partialCount: integer("partial_count").notNull(),
    notTransposedCount: integer("not_transposed_count").notNull(),
    nonConformingCount: integer("non_conforming_count").notNull(),
    notApplicableCount: integer("not_applicable_count").notNull(),
    unknownCount: integer("unknown_count").notNull(),
    notYetDueCount: integer("not_yet_due_count").notNull(),
    isRepealedOnAsOf: integer("is_repealed_on_as_of", { mode: "boolean" }).notNull(),
    /** Some provision of the instrument is assessed non_conforming for the state on the date (the Scoreboard's conformity deficit). */
    hasNonConformingProvision: integer("has_non_conforming_provision", { mode: "boolean" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.instrumentId, t.asOf, t.takenOn, t.stateCode] }),
    foreignKey({
      columns: [t.instrumentId, t.asOf, t.takenOn],
      foreignColumns: [indicatorCacheInstruments.instrumentId, indicatorCacheInstruments.asOf, indicatorCacheInstruments.takenOn],
    }).onDelete("cascade"),
    index("indicator_cache_cells_date").on(t.asOf, t.takenOn),
  ],
);

/** The instrument's provisions with the largest harmonisation gaps (lib/indicators/harmonisation.ts), enough for any "largest gaps" list. */
export const indicatorCacheGaps = sqliteTable(
  "indicator_cache_gaps",
  {
    instrumentId: integer("instrument_id").notNull(),
    asOf: text("as_of").notNull(),
    takenOn: text("taken_on").notNull(),
    provisionId: integer("provision_id").notNull(),
    gap: real("gap").notNull(),
    assessedCount: integer("assessed_count").notNull(),
    /** The whole ProvisionHarmonisation as JSON. */
    figures: text("figures", { mode: "json" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.instrumentId, t.asOf, t.takenOn, t.provisionId] }),
    foreignKey({
      columns: [t.instrumentId, t.asOf, t.takenOn],
      foreignColumns: [indicatorCacheInstruments.instrumentId, indicatorCacheInstruments.asOf, indicatorCacheInstruments.takenOn],
    }).onDelete("cascade"),
    index("indicator_cache_gaps_rank").on(t.asOf, t.takenOn, t.gap, t.assessedCount),
  ],
);

/**
 * Version counters of parts of the inventory, bumped by triggers (migration
 * 0007) in the transaction of every change to the part, whichever process
 * makes it. `scoreboard`: the records the Scoreboard-style indicators read
 * without provisions (member states, instruments, notifications and their
 * principal measures' dates, infringements, obligations), so that a change to
 * a correspondence does not make every process reload them. Derived data.
 */
export const partVersions = sqliteTable("part_versions", {
  part: text("part").primaryKey(),
  version: integer("version").notNull().default(0),
});

/*
 * Editions: dated, citable releases of the inventory, as the Scoreboard publishes them. Publishing freezes the
 * dataset version (the latest audit event that changed data, db/queries/dataset.ts) in a consistent copy of the
 * database in the editions folder beside it (db/editions.ts), and the headline Scoreboard figures per Member State
 * on the reporting date, so that the next reporting date's "change since the previous reporting date" and the
 * comparison of two editions read them without opening the copy. Published editions are never changed.
 */
export const editions = sqliteTable(
  "editions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** "2026-H2": validated by lib/editions.ts, and a file name in the editions folder. */
    name: text("name").notNull(),
    reportingDate: text("reporting_date").notNull(),
    /** "v1413": the dataset version frozen (db/queries/dataset.ts). */
    datasetVersion: text("dataset_version").notNull(),
    auditEventId: integer("audit_event_id").notNull(),
    /** The collection the frozen figures are of (lib/collections.ts). */
    collection: text("collection").notNull(),
    /** The copy's file name inside the editions folder. */
    file: text("file").notNull(),
    publishedAt: text("published_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    publishedBy: integer("published_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("editions_name").on(t.name), index("editions_reporting_date").on(t.reportingDate)],
);

/** The headline Scoreboard figures of each Member State on an edition's reporting date, frozen when it was published. */
export const editionFigures = sqliteTable(
  "edition_figures",
  {
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    stateCode: text("state_code").notNull(),
    stateName: text("state_name").notNull(),
    notTransposed: integer("not_transposed").notNull(),
    assessed: integer("assessed").notNull(),
    deficit: real("deficit"),
    change: integer("change"),
    longOverdue: integer("long_overdue"),
    totalDelayMonths: real("total_delay_months"),
    conformityDeficit: real("conformity_deficit"),
    overallScore: integer("overall_score"),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.stateCode] })],
);

/**
 * What the inventory's published content is at, for every process: one row whose `version` the triggers of migration
 * 0012 bump, and whose `changed_at` they set, in the transaction of every change to a record a public page, the API or
 * a CSV export shows. `epoch` is random per database file (and renewed by a restore), so that a version number of
 * another file never passes for this one's. The response cache (server/cache/responses.ts) and the HTTP validators
 * (ETag, Last-Modified) key on it. Derived data.
 */
export const contentVersions = sqliteTable("content_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull().default(0),
  changedAt: text("changed_at").notNull(),
  epoch: text("epoch").notNull(),
});
