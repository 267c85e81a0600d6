/** Failures a write can end in; the action wrapper turns each into a user-facing answer. */
export class ConflictError extends Error {
  override name = "ConflictError";
  constructor(
    readonly entity: string,
    readonly recordId: number,
    /** The record as it is now, so the user sees what the other person changed. */
    readonly current: Record<string, unknown>,
  ) {
    super(`${entity} ${recordId} was changed by someone else`);
  }
}

export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(
    readonly entity: string,
    readonly recordId: number | string,
  ) {
    super(`${entity} ${recordId} does not exist`);
  }
}

/** Input that is well-formed but refers to something that does not exist or cannot be (unknown CELEX, duplicate key…). */
export class InvalidReferenceError extends Error {
  override name = "InvalidReferenceError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
