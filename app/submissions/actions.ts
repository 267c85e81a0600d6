"use server";

/**
 * The regulator's server actions: each drafted change is checked with its
 * entity's schema (and, for updates and deletions, against the record of the
 * regulator's own state) before it joins the draft; the draft is then sent
 * through the same createSubmission as the API.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { findRecordInState, writers } from "@/db/queries/submissions";
import { ConflictError, InvalidReferenceError } from "@/db/writes/errors";
import { createSubmission, reviseSubmission } from "@/db/writes/submissions";
import { action } from "@/lib/action";
import type { Actor, EditableEntity } from "@/lib/policy";
import { deletionDraft, entitySchemas, submissionForm } from "@/lib/validation/submission";
import { LIST_FIELDS } from "./entities";
import { asFormError } from "./form-errors";

const ownState = (_: unknown, actor: Actor) => ({ stateCode: actor.kind === "user" ? actor.memberStateCode : null });

/** The record must be of the regulator's own state (in the WHERE) and still at the version the form was loaded with. */
function checkRecord(entity: EditableEntity, id: number, version: number, actor: Extract<Actor, { kind: "user" }>) {
  const db = getDb();
  const record = actor.memberStateCode ? findRecordInState(db, entity, id, actor.memberStateCode) : undefined;
  if (!record) throw new InvalidReferenceError("_form", "This record is not one of your Member State's, or it no longer exists.");
  if (record.version !== version) throw new ConflictError(entity, id, writers[entity].snapshot(db, id) ?? {});
}

function draftActions(entity: EditableEntity) {
  const schema = entitySchemas[entity] as unknown as z.ZodType<{ stateCode: string }>;
  const lists = LIST_FIELDS[entity];
  return {
    create: action({ schema, permission: "submission.propose", resource: (input) => ({ stateCode: input.stateCode }), lists }, () => "Added to the draft. Add another change or send the submission below."),
    update: action({ schema, permission: "submission.propose", resource: (input) => ({ stateCode: input.stateCode }), lists, record: true }, (_input, actor, ctx) => {
      checkRecord(entity, ctx.record.id, ctx.record.version, actor);
      return "Added to the draft. Add another change or send the submission below.";
    }),
  };
}

const measure = draftActions("national_measure");
const transposition = draftActions("transposition");
const notification = draftActions("notification");

export const draftMeasureCreate = measure.create;
export const draftMeasureUpdate = measure.update;
export const draftTranspositionCreate = transposition.create;
export const draftTranspositionUpdate = transposition.update;
export const draftNotificationCreate = notification.create;
export const draftNotificationUpdate = notification.update;

export const draftDeletion = action({ schema: deletionDraft, permission: "submission.propose", resource: ownState, record: true }, (input, actor, ctx) => {
  checkRecord(input.entity, ctx.record.id, ctx.record.version, actor);
  return "Deletion added to the draft.";
});

export const sendSubmission = action({ schema: submissionForm, permission: "submission.propose", resource: ownState }, (input, actor, ctx) => {
  let id: number;
  try {
    id = createSubmission(getDb(), actor, input, { requestId: ctx.requestId, via: "form" }).submission.id;
  } catch (error) {
    throw asFormError(error);
  }
  revalidatePath("/submissions");
  revalidatePath("/staff/submissions");
  redirect(`/submissions/${id}?notice=submitted&draft=new`);
});

const reviseForm = submissionForm.omit({ idempotencyKey: true });

export const sendRevision = action({ schema: reviseForm, permission: "submission.propose", resource: ownState, record: true }, (input, actor, ctx) => {
  try {
    reviseSubmission(getDb(), actor, ctx.record.id, ctx.record.version, input, { requestId: ctx.requestId });
  } catch (error) {
    throw asFormError(error);
  }
  revalidatePath("/submissions");
  revalidatePath("/staff/submissions");
  redirect(`/submissions/${ctx.record.id}?notice=revised&draft=revise-${ctx.record.id}`);
});
