/** The editable entities as the submission pages name them, mapped onto the staff form specs. */
import type { Db } from "@/db/client";
import type { Snapshot } from "@/db/writes/entity";
import type { FieldSpec } from "@/app/components/forms/entity-form";
import { entityConfigs, type EntityConfig } from "@/app/staff/entities";
import type { EditableEntity } from "@/lib/policy";

export const ENTITY_SLUG: Record<EditableEntity, EntityConfig["slug"]> = { national_measure: "measures", transposition: "transpositions", notification: "notifications" };
export const ENTITY_NAME: Record<EditableEntity, string> = { national_measure: "National measure", transposition: "Transposition entry", notification: "Notification" };
export const OPERATION_NAME = { create: "New", update: "Update", delete: "Delete" } as const;
export const LIST_FIELDS: Record<EditableEntity, string[]> = { national_measure: ["instruments"], transposition: ["measureKeys"], notification: [] };

export const configOf = (entity: EditableEntity) => entityConfigs[ENTITY_SLUG[entity]];

/** The staff form's fields, with the Member State fixed to the regulator's own. */
export function regulatorFields(db: Db, entity: EditableEntity, stateCode: string): FieldSpec[] {
  return configOf(entity)
    .fields(db, stateCode)
    .map((f) => (f.name === "stateCode" ? { ...f, readOnly: true, options: (f.options ?? []).filter((o) => o.value === stateCode), hint: "You propose changes for your own Member State only." } : f));
}

export function describeChange(entity: EditableEntity, record: Record<string, unknown> | null): string {
  if (!record) return ENTITY_NAME[entity];
  try {
    return configOf(entity).describe(record as Snapshot);
  } catch {
    return ENTITY_NAME[entity];
  }
}

export const STATUS_NAME = { pending: "Pending review", approved: "Approved", rejected: "Rejected", changes_requested: "Changes requested" } as const;
