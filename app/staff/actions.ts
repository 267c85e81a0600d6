"use server";

/** Direct edits by Commission staff: create, update, delete, each through the shared writer and audit path. */
import { revalidatePath } from "next/cache";
import { redirect } from "@/server/i18n";
import { z } from "zod";
import { getDb } from "@/db/client";
import { createRecord, deleteRecord, updateRecord, type EntityWriter, type WriteContext } from "@/db/writes/entity";
import { measureWriter } from "@/db/writes/measures";
import { notificationWriter } from "@/db/writes/notifications";
import { transpositionWriter } from "@/db/writes/transpositions";
import { provisionWriter } from "@/db/writes/provisions";
import { lineageWriter } from "@/db/writes/lineage";
import { lineageInput } from "@/lib/validation/lineage";
import { PROVISION_LIST_FIELDS, provisionInput } from "@/lib/validation/provision";
import { action } from "@/server/action";
import type { Actor } from "@/lib/policy";
import { optionalText } from "@/lib/validation/common";
import { MEASURE_LIST_FIELDS, measureInput } from "@/lib/validation/measure";
import { notificationInput } from "@/lib/validation/notification";
import { TRANSPOSITION_LIST_FIELDS, transpositionInput } from "@/lib/validation/transposition";

const deleteInput = z.object({ reason: optionalText(500) }).strict();

function context(actor: Actor, requestId: string, reason?: string | null): WriteContext {
  return { actor, requestId, reason: reason ?? null };
}

function done(slug: string, id: number, notice: "created" | "saved" | "deleted"): Promise<never> {
  revalidatePath("/", "layout");
  return redirect(notice === "deleted" ? `/staff?deleted=${slug}` : `/staff/${slug}/${id}?notice=${notice}`);
}

function operations<I>(
  slug: string,
  writer: EntityWriter<I>,
  schema: z.ZodType<I>,
  lists: readonly string[] = [],
  permission: "inventory.edit" | "reference.edit" = "inventory.edit",
) {
  return {
    create: action({ schema, permission, lists }, (input, actor, ctx) =>
      done(slug, createRecord(getDb(), writer, input, context(actor, ctx.requestId)).id, "created"),
    ),
    update: action({ schema, permission, lists, record: true }, (input, actor, ctx) =>
      done(slug, updateRecord(getDb(), writer, ctx.record.id, ctx.record.version, input, context(actor, ctx.requestId)).id, "saved"),
    ),
    remove: action({ schema: deleteInput, permission, record: true }, (input, actor, ctx) =>
      done(slug, deleteRecord(getDb(), writer, ctx.record.id, ctx.record.version, context(actor, ctx.requestId, input.reason)).id, "deleted"),
    ),
  };
}

const measures = operations("measures", measureWriter, measureInput, MEASURE_LIST_FIELDS);
const transpositions = operations("transpositions", transpositionWriter, transpositionInput, TRANSPOSITION_LIST_FIELDS);
const notifications = operations("notifications", notificationWriter, notificationInput);
const provisions = operations("provisions", provisionWriter, provisionInput, PROVISION_LIST_FIELDS, "reference.edit");
const lineage = operations("lineage", lineageWriter, lineageInput, [], "reference.edit");

export const createMeasure = measures.create;
export const updateMeasure = measures.update;
export const deleteMeasure = measures.remove;
export const createTransposition = transpositions.create;
export const updateTransposition = transpositions.update;
export const deleteTransposition = transpositions.remove;
export const createNotification = notifications.create;
export const updateNotification = notifications.update;
export const deleteNotification = notifications.remove;
export const createProvision = provisions.create;
export const updateProvision = provisions.update;
export const deleteProvision = provisions.remove;
export const createLineage = lineage.create;
export const updateLineage = lineage.update;
export const deleteLineage = lineage.remove;
