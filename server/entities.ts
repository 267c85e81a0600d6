/** Each editable entity's shared schema, writer and multi-value fields, by entity name. */
import type { z } from "zod";
import type { EntityWriter } from "@/db/writes/entity";
import { measureWriter } from "@/db/writes/measures";
import { notificationWriter } from "@/db/writes/notifications";
import { transpositionWriter } from "@/db/writes/transpositions";
import type { EditableEntity } from "@/lib/policy";
import { MEASURE_LIST_FIELDS, measureInput } from "@/lib/validation/measure";
import { notificationInput } from "@/lib/validation/notification";
import { TRANSPOSITION_LIST_FIELDS, transpositionInput } from "@/lib/validation/transposition";

export interface EntityDefinition {
  schema: z.ZodObject;
  writer: EntityWriter<never>;
  lists: readonly string[];
}

export const entityDefinitions: Record<EditableEntity, EntityDefinition> = {
  national_measure: { schema: measureInput, writer: measureWriter as EntityWriter<never>, lists: MEASURE_LIST_FIELDS },
  transposition: { schema: transpositionInput, writer: transpositionWriter as EntityWriter<never>, lists: TRANSPOSITION_LIST_FIELDS },
  notification: { schema: notificationInput, writer: notificationWriter as EntityWriter<never>, lists: [] },
};

/** The entity's input fields taken from a stored snapshot (history, restore), parsed with the entity's schema. */
export function inputFromSnapshot(entity: EditableEntity, snapshot: Record<string, unknown>) {
  const { schema } = entityDefinitions[entity];
  const fields = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, snapshot[key] ?? null]));
  return schema.safeParse(fields);
}
