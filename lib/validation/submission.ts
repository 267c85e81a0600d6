/**
 * A regulator's submission: a message and several proposed changes. The
 * same schema parses the draft form, the API body and a revision; each
 * change's payload is parsed with its entity's own schema (the one the
 * staff forms use), so a proposal can never carry a field an edit could not.
 */
import { z } from "zod";
import { editableEntities, type EditableEntity } from "../policy";
import { submissionOperations, submissionStatuses } from "../vocabulary";
import { optionalText, recordId, requiredText, stateCode } from "./common";
import type { MeasureInput } from "./measure";
import type { NotificationInput } from "./notification";
import type { TranspositionInput } from "./transposition";
import { editableEntityDefinitions } from "../entities";

/** Each entity's own schema (lib/entities.ts), which a change's payload is parsed with. */
export const entitySchemas = {
  national_measure: editableEntityDefinitions.national_measure.schema,
  transposition: editableEntityDefinitions.transposition.schema,
  notification: editableEntityDefinitions.notification.schema,
} as const;

export interface EntityInputs {
  national_measure: MeasureInput;
  transposition: TranspositionInput;
  notification: NotificationInput;
}

export type EntityPayload = EntityInputs[EditableEntity];
export type SubmissionOperation = (typeof submissionOperations)[number];

/** A change as stored and applied: the payload already parsed by its entity's schema. */
export type ParsedChange =
  | { entity: EditableEntity; operation: "create"; recordId: null; baseVersion: null; payload: EntityPayload }
  | { entity: EditableEntity; operation: "update"; recordId: number; baseVersion: number; payload: EntityPayload }
  | { entity: EditableEntity; operation: "delete"; recordId: number; baseVersion: number; payload: null };

const baseVersion = z.coerce.number({ error: "Give the version of the record the change starts from." }).int().positive();

const rawChange = z
  .object({
    entity: z.enum(editableEntities, { error: "Choose national_measure, transposition or notification." }),
    operation: z.enum(submissionOperations, { error: "Choose create, update or delete." }),
    recordId: recordId.optional().nullable(),
    baseVersion: baseVersion.optional().nullable(),
    payload: z.unknown().optional(),
  })
  .strict();

export const submissionChange = rawChange.transform((c, ctx): ParsedChange => {
  if (c.operation === "create") {
    if (c.recordId != null) ctx.addIssue({ code: "custom", path: ["recordId"], message: "A new record has no id yet." });
    if (c.baseVersion != null) ctx.addIssue({ code: "custom", path: ["baseVersion"], message: "A new record has no version yet." });
  } else {
    if (c.recordId == null) ctx.addIssue({ code: "custom", path: ["recordId"], message: "Name the record to change." });
    if (c.baseVersion == null) ctx.addIssue({ code: "custom", path: ["baseVersion"], message: "Give the version of the record the change starts from." });
  }
  let payload: EntityPayload | null = null;
  if (c.operation === "delete") {
    if (c.payload != null && !(typeof c.payload === "object" && Object.keys(c.payload).length === 0))
      ctx.addIssue({ code: "custom", path: ["payload"], message: "A deletion carries no payload." });
  } else {
    const parsed = entitySchemas[c.entity].safeParse(c.payload);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: "custom", path: ["payload", ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))], message: issue.message });
    else payload = parsed.data;
  }
  if (ctx.issues.length > 0) return z.NEVER;
  if (c.operation === "create") return { entity: c.entity, operation: "create", recordId: null, baseVersion: null, payload: payload! };
  if (c.operation === "update") return { entity: c.entity, operation: "update", recordId: c.recordId!, baseVersion: c.baseVersion!, payload: payload! };
  return { entity: c.entity, operation: "delete", recordId: c.recordId!, baseVersion: c.baseVersion!, payload: null };
});

export const MAX_CHANGES = 50;

/** Client-chosen, so a double submit (or a retried API call) creates one submission. */
export const idempotencyKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._:-]{8,100}$/, "Use 8–100 letters, digits, dots, dashes, underscores or colons.");

export const submissionInput = z
  .object({
    message: requiredText(4000, "Say what the changes are and why."),
    idempotencyKey: idempotencyKey.optional().nullable(),
    changes: z.array(submissionChange).min(1, "Add at least one change.").max(MAX_CHANGES, `Send at most ${MAX_CHANGES} changes at once.`),
  })
  .strict();

export type SubmissionInput = z.infer<typeof submissionInput>;

/** The draft form posts its changes as one JSON field. */
export const submissionForm = z
  .object({
    message: submissionInput.shape.message,
    idempotencyKey: idempotencyKey,
    changes: z.preprocess((v) => {
      if (typeof v !== "string" || v.length > 500_000) return v;
      try {
        return JSON.parse(v);
      } catch {
        return v;
      }
    }, submissionInput.shape.changes),
  })
  .strict();

export const reviewDecisions = ["approve", "reject", "request_changes"] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/** Approving needs no words; rejecting and sending back do, so the regulator learns why. */
export const approveInput = z.object({ note: optionalText(4000) }).strict();
export const rejectInput = z.object({ reason: requiredText(4000, "Give the reason for rejecting.") }).strict();
export const requestChangesInput = z.object({ comment: requiredText(4000, "Say what needs to change.") }).strict();

export const submissionListFilter = z.object({
  state: z.preprocess((v) => (v === "" ? undefined : v), stateCode.optional()).catch(undefined),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(submissionStatuses).optional()).catch(undefined),
});
export type SubmissionListFilter = z.infer<typeof submissionListFilter>;

/** A deletion drafted in the form: only which entity; the id and version travel as the record reference. */
export const deletionDraft = z.object({ entity: z.enum(editableEntities) }).strict();
