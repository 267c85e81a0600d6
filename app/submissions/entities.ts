/** The editable entities as the submission pages name them, mapped onto the staff form specs. */
import type { Db } from "@/db/client";
import { recordNamer } from "@/db/queries/record-names";
import { reviewChanges, type SubmissionChangeRow } from "@/db/queries/submissions";
import type { FieldSpec } from "@/app/components/forms/entity-form";
import { entityConfigs, type EntityConfig } from "@/app/staff/entities";
import type { EditableEntity } from "@/lib/policy";
import { editableEntityDefinitions } from "@/lib/entities";
import { changeLabel } from "@/lib/record-names";
import { CITING_FIELD, draftedMeasureOptions } from "@/lib/submission-keys";
import type { Translate } from "@/lib/translate";
import type { Locale } from "@/lib/format";

export const ENTITY_SLUG: Record<EditableEntity, EntityConfig["slug"]> = {
  national_measure: "measures",
  transposition: "transpositions",
  notification: "notifications",
};
export const ENTITY_NAME = Object.fromEntries(Object.entries(editableEntityDefinitions).map(([e, d]) => [e, d.name])) as Record<EditableEntity, string>;
export const LIST_FIELDS = Object.fromEntries(Object.entries(editableEntityDefinitions).map(([e, d]) => [e, [...d.lists]])) as Record<EditableEntity, string[]>;

export const configOf = (entity: EditableEntity) => entityConfigs[ENTITY_SLUG[entity]];

/** The staff form's fields, with the Member State fixed to the regulator's own. */
export function regulatorFields(db: Db, entity: EditableEntity, stateCode: string, t: Translate, locale?: Locale): FieldSpec[] {
  return configOf(entity)
    .fields(db, stateCode, t, locale)
    .map((f) =>
      f.name === "stateCode" ? { ...f, readOnly: true, options: (f.options ?? []).filter((o) => o.value === stateCode), hint: t("fields.ownStateOnly") } : f,
    );
}

/** Each stored change named by what it is about: the record as it is now for an update or deletion, the proposed one for a new record. */
export function changeLabelsOf(db: Db, stateCode: string, changes: readonly SubmissionChangeRow[], t: Translate): string[] {
  const namer = recordNamer(db);
  return reviewChanges(db, stateCode, changes).map(({ change, current }) =>
    changeLabel(
      change.operation,
      namer.facts(change.entity, current ?? (change.operation === "delete" ? null : (change.payload as Record<string, unknown>))),
      t,
    ),
  );
}

/** The fields of a change's diff, where a measure drafted in the same submission is named like the ones already in the inventory. */
export function diffFields(db: Db, entity: EditableEntity, stateCode: string, changes: readonly SubmissionChangeRow[], t: Translate): FieldSpec[] {
  const fields = regulatorFields(db, entity, stateCode, t);
  const citing = CITING_FIELD[entity];
  if (!citing) return fields;
  const drafted = draftedMeasureOptions(
    changes.map((c) => ({ ...c, payload: c.payload as Record<string, unknown> | null })),
    stateCode,
  );
  return fields.map((f) =>
    f.name === citing ? { ...f, options: [...(f.options ?? []), ...drafted.filter((o) => !(f.options ?? []).some((k) => k.value === o.value))] } : f,
  );
}
