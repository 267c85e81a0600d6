/** Restoring a recorded version: which event's version, the version the editor saw, and why (kept in the audit trail). */
import { z } from "zod";
import { editableEntities } from "@/lib/policy";
import { recordId, requiredText } from "./common";

export const RESTORE_REASON_MAX = 500;

export const restoreInput = z
  .object({
    entity: z.enum(editableEntities),
    eventId: recordId,
    /** The version the editor saw as current; absent when the record was deleted. */
    currentVersion: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
    reason: requiredText(RESTORE_REASON_MAX, "Say why this version is restored: the reason is kept in the audit trail."),
  })
  .strict();
