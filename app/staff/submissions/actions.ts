"use server";

/** Reviewing a submission: approve (all changes in one transaction), reject with a reason, or send back with a comment. */
import { revalidatePath } from "next/cache";
import { redirect } from "@/server/i18n";
import { getDb } from "@/db/client";
import { approveSubmission, rejectSubmission, requestChanges } from "@/db/writes/submissions";
import { action } from "@/server/action";
import { approveInput, rejectInput, requestChangesInput } from "@/lib/validation/submission";

function done(id: number, notice: string): Promise<never> {
  revalidatePath("/", "layout");
  return redirect(`/staff/submissions/${id}?notice=${notice}`);
}

export const approve = action({ schema: approveInput, permission: "submission.review", record: true }, (input, actor, ctx) => {
  approveSubmission(getDb(), actor, ctx.record.id, ctx.record.version, { comment: input.note, requestId: ctx.requestId });
  return done(ctx.record.id, "approved");
});

export const reject = action({ schema: rejectInput, permission: "submission.review", record: true }, (input, actor, ctx) => {
  rejectSubmission(getDb(), actor, ctx.record.id, ctx.record.version, input.reason, { requestId: ctx.requestId });
  return done(ctx.record.id, "rejected");
});

export const sendBack = action({ schema: requestChangesInput, permission: "submission.review", record: true }, (input, actor, ctx) => {
  requestChanges(getDb(), actor, ctx.record.id, ctx.record.version, input.comment, { requestId: ctx.requestId });
  return done(ctx.record.id, "changes_requested");
});
