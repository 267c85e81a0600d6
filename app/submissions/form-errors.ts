/**
 * The submission write path's own refusals, turned into errors the action
 * wrapper shows as form messages (it knows forbidden, conflict, not found and
 * invalid reference; a change's path like `changes.1.payload.key` is kept).
 */
import { ConflictError, InvalidReferenceError } from "@/db/writes/errors";
import { IdempotencyKeyReuseError, OutOfScopeError, SubmissionConflictError, SubmissionStatusError } from "@/db/writes/submissions";

export function asFormError(error: unknown): unknown {
  if (error instanceof OutOfScopeError) return new InvalidReferenceError(error.field, error.message);
  if (error instanceof SubmissionConflictError) return new InvalidReferenceError(error.conflicts[0]?.field ?? "_form", error.message);
  if (error instanceof IdempotencyKeyReuseError) return new InvalidReferenceError("_form", `This draft was already sent as submission #${error.submissionId}. Start a new draft for further changes.`);
  if (error instanceof SubmissionStatusError) return new InvalidReferenceError("_form", error.message);
  if (error instanceof ConflictError && error.entity === "submission") return new InvalidReferenceError("_form", "The submission changed since you opened this page. Reload it to see its current state.");
  return error;
}
