"use server";

import { InvalidReferenceError, NotFoundError } from "@/lib/errors";
import { revalidatePath } from "next/cache";
import { redirect, requestLocale } from "@/server/i18n";
import { getDb } from "@/db/client";
import { findEvent } from "@/db/queries/audit";
import { createRecord, updateRecord } from "@/db/writes/entity";
import { action } from "@/server/action";
import { restoreInput } from "@/lib/validation/restore";
import { entityDefinitions, inputFromSnapshot } from "@/db/entities";
import { translatorFor } from "@/server/translator";

/** Restoring a version is a new, audited change: it never rewrites history. */
export const restoreVersion = action({ schema: restoreInput, permission: "record.restore" }, async (input, actor, ctx) => {
  const db = getDb();
  // The request's language (proxy.ts sets it on the server action's POST too), with the full keys any code outside a render uses.
  const t = translatorFor(await requestLocale());
  const event = findEvent(db, input.eventId);
  if (!event || event.entity !== input.entity || !event.recordId) throw new NotFoundError(input.entity, input.eventId);
  const snapshot = (event.after ?? event.before) as Record<string, unknown> | null;
  if (!snapshot) throw new InvalidReferenceError("_form", t("history.noVersion"));
  const parsed = inputFromSnapshot(input.entity, snapshot);
  if (!parsed.success) throw new InvalidReferenceError("_form", t("history.noLongerFits"));
  const { writer } = entityDefinitions[input.entity];
  const context = { actor, requestId: ctx.requestId, action: "restore", reason: `${input.reason} (restored the version recorded by audit event ${event.id})` };
  const id = Number(event.recordId);
  const exists = writer.snapshot(db, id);
  const restored = exists
    ? updateRecord(db, writer, id, input.currentVersion ?? exists.version + 1, parsed.data as never, context)
    : createRecord(db, writer, parsed.data as never, context);
  revalidatePath("/", "layout");
  return redirect(`/history/${input.entity}/${restored.id}?notice=restored`);
});
