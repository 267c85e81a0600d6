/**
 * The records staff edit and regulators propose changes to, declared once: how they are named, the zod schema
 * their forms, the API and submissions share, and which fields hold a list. The database floor adds each one's
 * writer and table (db/entities.ts); the staff and submission pages add their form fields (app/staff/entities.ts).
 * The list of editable entities itself is the policy's (lib/policy.ts `editableEntities`).
 */
import type { z } from "zod";
import type { EditableEntity } from "./policy";
import { MEASURE_LIST_FIELDS, measureInput } from "./validation/measure";
import { notificationInput } from "./validation/notification";
import { TRANSPOSITION_LIST_FIELDS, transpositionInput } from "./validation/transposition";

export interface EditableEntityDefinition<S extends z.ZodObject = z.ZodObject> {
  /** As a sentence names one: "national measure". */
  noun: string;
  /** As a heading or a picker names the kind: "National measure". */
  name: string;
  schema: S;
  /** Fields holding several values (form checkboxes, CSV lists). */
  lists: readonly string[];
}

export const editableEntityDefinitions = {
  national_measure: { noun: "national measure", name: "National measure", schema: measureInput, lists: MEASURE_LIST_FIELDS },
  transposition: { noun: "transposition entry", name: "Transposition entry", schema: transpositionInput, lists: TRANSPOSITION_LIST_FIELDS },
  notification: { noun: "notification", name: "Notification", schema: notificationInput, lists: [] },
} as const satisfies Record<EditableEntity, EditableEntityDefinition>;
