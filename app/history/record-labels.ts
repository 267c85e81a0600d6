/**
 * Records and their fields by the names the forms and pages give them — "Loi n° 2004-801 …", "In force on" —
 * not the database's ("national_measure 51", `inForceOn`), for the history, restore and audit pages.
 */
import type { Db } from "@/db/client";
import { entityConfigs } from "@/app/staff/entities";
import { recordNamer } from "@/db/queries/record-names";
import { editableEntities, type EditableEntity } from "@/lib/policy";
import { provisionRef } from "@/lib/record-names";
import { editableEntityDefinitions } from "@/lib/entities";
import type { MessageKey, Translate } from "@/lib/translate";

const ENTITY_NAMES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(editableEntityDefinitions).map(([entity, d]) => [entity, d.noun])),
  provision: "provision",
  obligation: "obligation",
  instrument: "instrument",
  instrument_lineage: "lineage relation",
  member_state: "Member State",
  source: "source",
  user: "account",
  api_token: "API token",
  submission: "submission",
  export: "export",
};

/** The record types and actions the audit trail records, for its filters: every value has its name. */
export const AUDITED_ENTITIES = Object.keys(ENTITY_NAMES);

const ACTION_NAMES: Record<string, string> = {
  create: "Created",
  update: "Updated",
  delete: "Deleted",
  restore: "Restored",
  password_reset: "Password reset",
  deactivate: "Account deactivated",
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.password_reset": "Password reset",
  "auth.sign_out": "Signed out",
  "auth.sign_in_throttled": "Sign-in slowed down",
  "auth.api_token_use": "API token used",
  "api_token.create": "API token created",
  "api_token.revoke": "API token revoked",
  "submission.create": "Submission sent",
  "submission.propose": "Change proposed",
  "submission.approve": "Submission approved",
  "submission.reject": "Submission rejected",
  "submission.request_changes": "Changes requested on a submission",
  "submission.revise": "Submission revised",
  export: "Exported",
  validate: "Validated",
};

export const AUDITED_ACTIONS = Object.keys(ACTION_NAMES);

/** An action as a message key ("auth.sign_in" → "auth_sign_in"): next-intl reads a dot as nesting. */
export const actionKey = (action: string) => action.replace(/\./g, "_");

/** "update" → "Updated"; an action no one named yet reads as itself. */
export function actionName(action: string): string {
  return ACTION_NAMES[action] ?? humanise(action.replace(/\./g, " "));
}

/** "national_measure" → "national measure". */
export function entityName(entity: string): string {
  return ENTITY_NAMES[entity] ?? entity.replace(/_/g, " ");
}

/** "inForceOn" → "In force on": a readable name for a field no form names. */
export function humanise(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface RecordLabels {
  fieldLabel(field: string): string;
  /** The record's name from one of its recorded versions; null when that version does not say. */
  recordName(snapshot: Record<string, unknown> | null, id: number): string | null;
}

/** Fields a record's versions carry that its form does not show (set by imports and by the write itself). */
const AUDIT_FIELDS: Record<string, MessageKey> = {
  eli: "auditFields.eli",
  eurLexNimNumber: "auditFields.eurLexNimNumber",
  assessorName: "auditFields.assessorName",
  assessedAt: "auditFields.assessedAt",
  provision: "auditFields.provision",
  version: "auditFields.version",
  // The seed writes a record's first version in its own shape (seed/load.ts).
  state: "auditFields.state",
  measures: "auditFields.measures",
  assessedOn: "auditFields.assessedOn",
  source: "auditFields.source",
};

/** `t` gives the form labels' language: the page's, or English for the feed (server/translator.ts). */
export function recordLabels(db: Db, entity: string, t: Translate): RecordLabels {
  const config = Object.values(entityConfigs).find((c) => c.entity === entity);
  const labels = new Map((config?.fields(db, null, t) ?? []).map((f) => [f.name, f.label]));
  const editable = (editableEntities as readonly string[]).includes(entity) ? (entity as EditableEntity) : null;
  const namer = editable ? recordNamer(db) : null;
  return {
    fieldLabel: (field) => labels.get(field) ?? (field in AUDIT_FIELDS ? t(AUDIT_FIELDS[field]!) : humanise(field)),
    recordName(snapshot) {
      if (!snapshot) return null;
      if (namer && editable) return namer.name(editable, snapshot);
      return otherRecordName(entity, snapshot);
    },
  };
}

/** Records no form edits, named by the field that names them in its own pages; null when the version has none. */
function otherRecordName(entity: string, r: Record<string, unknown>): string | null {
  const text = (v: unknown) => (typeof v === "string" && v ? v : null);
  switch (entity) {
    case "user":
      return text(r.email);
    case "instrument":
      return text(r.shortName) ?? text(r.celex);
    case "member_state":
      return text(r.name) ?? text(r.code);
    case "obligation":
      return text(r.key);
    case "provision": {
      const ref = provisionRef(text(r.kind), text(r.number));
      return ref ? [text(r.instrument), ref].filter(Boolean).join(" ") + (text(r.heading) ? ` — ${text(r.heading)}` : "") : null;
    }
    case "instrument_lineage": {
      const [from, relation, to] = [text(r.instrument), text(r.relation), text(r.successor) ?? text(r.by)];
      return from && relation && to ? `${from} ${relation.replace(/_/g, " ")} ${to}` : null;
    }
    case "source":
      return text(r.title)?.slice(0, 80) ?? null;
    default:
      return null;
  }
}
