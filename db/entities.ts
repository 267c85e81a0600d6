/**
 * The editable entities at the database floor: lib/entities.ts's declaration (names, schema, list fields) with
 * each one's writer and table. Staff forms, submissions, the API, restore and import all take them from here.
 */
import { editableEntityDefinitions, type EditableEntityDefinition } from "@/lib/entities";
import type { EditableEntity } from "@/lib/policy";
import type { EntityWriter } from "./writes/entity";
import { measureWriter } from "./writes/measures";
import { notificationWriter } from "./writes/notifications";
import { transpositionWriter } from "./writes/transpositions";
import { nationalMeasures, notifications, transpositions } from "./schema";

export interface EntityDefinition extends EditableEntityDefinition {
  writer: EntityWriter<never>;
  table: typeof nationalMeasures | typeof transpositions | typeof notifications;
}

export const entityDefinitions: Record<EditableEntity, EntityDefinition> = {
  national_measure: { ...editableEntityDefinitions.national_measure, writer: measureWriter as EntityWriter<never>, table: nationalMeasures },
  transposition: { ...editableEntityDefinitions.transposition, writer: transpositionWriter as EntityWriter<never>, table: transpositions },
  notification: { ...editableEntityDefinitions.notification, writer: notificationWriter as EntityWriter<never>, table: notifications },
};

/** The entity's input fields taken from a stored snapshot (history, restore), parsed with the entity's schema. */
export function inputFromSnapshot(entity: EditableEntity, snapshot: Record<string, unknown>) {
  const { schema } = entityDefinitions[entity];
  const fields = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, snapshot[key] ?? null]));
  return schema.safeParse(fields);
}
