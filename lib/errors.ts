/**
 * The inventory's one vocabulary of expected failures. Each knows its HTTP
 * status, the fields at fault and what a person or an API client reads, so
 * the action wrapper (server/action.ts) and the API's problem+json
 * (server/problem.ts) each map them in one place. Anything else is a fault:
 * logged, and answered without details.
 */
import type { MessageKey } from "./translate";

export type FieldMessages = Record<string, string[]>;

/** A message as the catalogues hold it: its key and values (messages/<locale>.json `formErrors`). */
export interface UserText {
  key: MessageKey;
  values?: Record<string, string | number>;
}

export abstract class InventoryError extends Error {
  abstract readonly httpStatus: number;
  /** What a person reads on a form, in English. */
  get userMessage(): string {
    return this.message;
  }
  /** userMessage's key in the catalogues, for the interface's language (server/form-errors.ts); null where the message is built from data. */
  get userText(): UserText | null {
    return null;
  }
  /** The `detail` an API client reads. */
  get problemDetail(): string {
    return this.message;
  }
  /** Messages by field, for a form's fields and a problem's `errors`. */
  get fieldMessages(): FieldMessages | undefined {
    return undefined;
  }
  /** Extra members of the problem document (e.g. the submission an idempotency key already made). */
  get problemExtras(): Record<string, unknown> {
    return {};
  }
}

/** The policy refused the action (lib/policy.ts `authorize`). */
export class ForbiddenError extends InventoryError {
  override name = "ForbiddenError";
  readonly httpStatus = 403;
  /** The policy action refused (lib/policy.ts `Action`). */
  constructor(readonly action: string) {
    super(`not allowed: ${action}`);
  }
  override get userMessage() {
    return "You are not allowed to do this.";
  }
  override get userText(): UserText {
    return { key: "formErrors.forbidden" };
  }
  override get problemDetail() {
    return "Your account may not do this.";
  }
}

/** An edit started from a version that is no longer current. */
export class ConflictError extends InventoryError {
  override name = "ConflictError";
  readonly httpStatus = 409;
  constructor(
    readonly entity: string,
    readonly recordId: number,
    /** The record as it is now, so the user sees what the other person changed. */
    readonly current: Record<string, unknown>,
  ) {
    super(`${entity} ${recordId} was changed by someone else`);
  }
  override get userMessage() {
    return this.entity === "submission"
      ? "The submission changed since you opened this page. Reload it to see its current state."
      : "Someone else changed this record while you were editing it.";
  }
  override get userText(): UserText {
    return { key: this.entity === "submission" ? "formErrors.submissionConflict" : "formErrors.conflict" };
  }
  override get problemDetail() {
    return `The ${this.entity} was changed by someone else; fetch it again.`;
  }
}

export class NotFoundError extends InventoryError {
  override name = "NotFoundError";
  readonly httpStatus = 404;
  constructor(
    readonly entity: string,
    readonly recordId: number | string,
  ) {
    super(`${entity} ${recordId} does not exist`);
  }
  override get userMessage() {
    return "This record no longer exists; it may have been deleted.";
  }
  override get userText(): UserText {
    return { key: "formErrors.notFound" };
  }
  override get problemDetail() {
    return `No ${this.entity} ${this.recordId}.`;
  }
}

/** A failure of one field of the input: its message is shown on that field. */
abstract class FieldError extends InventoryError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
  override get fieldMessages() {
    return { [this.field]: [this.message] };
  }
}

/** Input that is well-formed but refers to something that does not exist or cannot be (unknown CELEX, duplicate key…). */
export class InvalidReferenceError extends FieldError {
  override name = "InvalidReferenceError";
  readonly httpStatus = 422;
}

/** A change names a state, or a record of a state, that is not the submitter's. */
export class OutOfScopeError extends FieldError {
  override name = "OutOfScopeError";
  readonly httpStatus = 403;
}

/** One or more changes were drafted against a version of a record that is no longer current. */
export class SubmissionConflictError extends InventoryError {
  override name = "SubmissionConflictError";
  readonly httpStatus = 409;
  constructor(readonly conflicts: { index: number; field: string; message: string }[]) {
    super(conflicts.map((c) => c.message).join(" "));
  }
  override get fieldMessages() {
    return Object.fromEntries(this.conflicts.map((c) => [c.field, [c.message]]));
  }
}

/** The idempotency key was already used by this author for a different submission. */
export class IdempotencyKeyReuseError extends InventoryError {
  override name = "IdempotencyKeyReuseError";
  readonly httpStatus = 409;
  constructor(readonly submissionId: number) {
    super("This idempotency key was already used for a different submission.");
  }
  override get userMessage() {
    return `This draft was already sent as submission #${this.submissionId}. Start a new draft for further changes.`;
  }
  override get userText(): UserText {
    return { key: "formErrors.idempotencyKeyReuse", values: { id: this.submissionId } };
  }
  override get fieldMessages() {
    return { idempotencyKey: [this.message] };
  }
  override get problemExtras() {
    return { submissionId: this.submissionId };
  }
}

/** The submission is not in a status that allows this step (e.g. reviewing one already approved). */
export class SubmissionStatusError extends InventoryError {
  override name = "SubmissionStatusError";
  readonly httpStatus = 409;
  constructor(
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

/** An edit was sent while viewing a published edition: editions are frozen; edits go to the live inventory. */
export class EditionReadOnlyError extends InventoryError {
  override name = "EditionReadOnlyError";
  readonly httpStatus = 409;
  constructor(readonly edition: string) {
    super(`You are viewing edition ${edition}, which is frozen: nothing was saved. Open the live inventory to make changes.`);
  }
  override get userText(): UserText {
    return { key: "formErrors.editionReadOnly", values: { edition: this.edition } };
  }
}

/** The inventory changed while an edition was being published, so its copy and its figures could differ: nothing was published. */
export class EditionPublishConflictError extends InventoryError {
  override name = "EditionPublishConflictError";
  readonly httpStatus = 409;
  constructor() {
    super("The inventory changed while the edition was being published, so nothing was published. Publish it again.");
  }
  override get userText(): UserText {
    return { key: "formErrors.editionPublishConflict" };
  }
}
