"use server";

/**
 * The regulator's server actions: each drafted change is checked with its
 * entity's schema (and, for updates and deletions, against the record of the
 * regulator's own state) before it joins the draft; the draft is then sent
 * through the same createSubmission as the API.
 */
import { ConflictError, InvalidReferenceError } from "@/lib/errors";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { redirect } from "@/server/i18n";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { recordNamer } from "@/db/queries/record-names";
import { findRecordInState } from "@/db/queries/submissions";
import { entityDefinitions } from "@/db/entities";
import { createSubmission, reviseSubmission } from "@/db/writes/submissions";
import { action } from "@/server/action";
import type { Actor, EditableEntity } from "@/lib/policy";
import { changeLabel } from "@/lib/record-names";
import { deletionDraft, entitySchemas, submissionForm } from "@/lib/validation/submission";
import { LIST_FIELDS } from "./entities";

const ownState = (_: unknown, actor: Actor) => ({ stateCode: actor.kind === "user" ? actor.memberStateCode : null });

/** The record must be of the regulator's own state (in the WHERE) and still at the version the form was loaded with; returns the record as it is. */
function checkRecord(entity: EditableEntity, id: number, version: number, actor: Extract<Actor, { kind: "user" }>): Record<string, unknown> {
  const db = getDb();
  const record = actor.memberStateCode ? findRecordInState(db, entity, id, actor.memberStateCode) : undefined;
  if (!record) throw new InvalidReferenceError("_form", "This record is not one of your Member State's, or it no longer exists.");
  const current = entityDefinitions[entity].writer.snapshot(db, id);
  if (record.version !== version || !current) throw new ConflictError(entity, id, current ?? {});
  return current;
}

/** The change's label, named by what it is about (the proposed record for a new one, the current record otherwise). */
const labelOf = async (entity: EditableEntity, operation: "create" | "update" | "delete", record: Record<string, unknown>) =>
  changeLabel(operation, recordNamer(getDb()).facts(entity, record), await getTranslations());

function draftActions(entity: EditableEntity) {
  const schema = entitySchemas[entity] as unknown as z.ZodType<{ stateCode: string }>;
  const lists = LIST_FIELDS[entity];
  return {
    create: action({ schema, permission: "submission.propose", resource: (input) => ({ stateCode: input.stateCode }), lists }, async (input) => ({
      message: (await getTranslations("submissions"))("added"),
      result: await labelOf(entity, "create", input),
    })),
    update: action(
      { schema, permission: "submission.propose", resource: (input) => ({ stateCode: input.stateCode }), lists, record: true },
      async (_input, actor, ctx) => {
        const current = checkRecord(entity, ctx.record.id, ctx.record.version, actor);
        return { message: (await getTranslations("submissions"))("added"), result: await labelOf(entity, "update", current) };
      },
    ),
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

export const draftDeletion = action(
  { schema: deletionDraft, permission: "submission.propose", resource: ownState, record: true },
  async (input, actor, ctx) => {
    const current = checkRecord(input.entity, ctx.record.id, ctx.record.version, actor);
    return { message: (await getTranslations("submissions"))("deletionAdded"), result: await labelOf(input.entity, "delete", current) };
  },
);

export const sendSubmission = action({ schema: submissionForm, permission: "submission.propose", resource: ownState }, async (input, actor, ctx) => {
  const id = createSubmission(getDb(), actor, input, { requestId: ctx.requestId, via: "form" }).submission.id;
  revalidatePath("/submissions");
  revalidatePath("/staff/submissions");
  return redirect(`/submissions/${id}?notice=submitted&draft=new`);
});

const reviseForm = submissionForm.omit({ idempotencyKey: true });

export const sendRevision = action({ schema: reviseForm, permission: "submission.propose", resource: ownState, record: true }, async (input, actor, ctx) => {
  reviseSubmission(getDb(), actor, ctx.record.id, ctx.record.version, input, { requestId: ctx.requestId });
  revalidatePath("/submissions");
  revalidatePath("/staff/submissions");
  return redirect(`/submissions/${ctx.record.id}?notice=revised&draft=revise-${ctx.record.id}`);
});
