/**
 * The life of a regulator's submission: proposed (by form or API, through
 * the same function), revised when sent back, and reviewed. Approval applies
 * every change in ONE transaction through the same createIn/updateIn/deleteIn
 * as a direct edit, with the reviewer as actor and the submission's id on
 * each audit event; any failure rolls all of it back.
 */
import {
  ConflictError,
  ForbiddenError,
  IdempotencyKeyReuseError,
  InvalidReferenceError,
  NotFoundError,
  OutOfScopeError,
  SubmissionConflictError,
  SubmissionStatusError,
} from "@/lib/errors";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { recordAudit } from "../audit";
import { nationalMeasures, submissionChanges, submissions } from "../schema";
import { writeTransaction } from "../transaction";
import { findByIdempotencyKey, findRecordInState, listChanges, reviewChanges, type SubmissionChangeRow, type SubmissionRow } from "../queries/submissions";
import { entityDefinitions } from "../entities";
import { createIn, deleteIn, updateIn, type WriteContext } from "./entity";
import { authorize, type Actor } from "../../lib/policy";
import { applicationOrder, citedKeys, unresolvedKeys } from "../../lib/submission-keys";
import { submissionChange, type ParsedChange, type SubmissionInput } from "../../lib/validation/submission";

type User = Extract<Actor, { kind: "user" }>;

const ENTITY_LABEL: Record<ParsedChange["entity"], string> = {
  national_measure: "national measure",
  transposition: "transposition",
  notification: "notification",
};

const changeField = (index: number, field: string) => `changes.${index}.${field}`;

/** The submission as audit events record it. */
function submissionSnapshot(
  row: SubmissionRow,
  changes: readonly Pick<SubmissionChangeRow, "entity" | "operation" | "recordId" | "baseVersion" | "payload">[],
) {
  return {
    id: row.id,
    stateCode: row.stateCode,
    authorId: row.authorId,
    status: row.status,
    message: row.message,
    reviewerId: row.reviewerId,
    reviewComment: row.reviewComment,
    version: row.version,
    changes: changes.map((c) => ({ entity: c.entity, operation: c.operation, recordId: c.recordId, baseVersion: c.baseVersion, payload: c.payload })),
  };
}

function rawClient(db: Db): import("better-sqlite3").Database {
  return (db as unknown as { $client: import("better-sqlite3").Database }).$client;
}

/** Runs `work` inside a savepoint and always rolls it back: the changes are tried against the inventory without keeping anything. */
function tryWithoutKeeping(db: Db, work: () => void): void {
  const rollback = Symbol("rollback");
  try {
    rawClient(db).transaction(() => {
      work();
      throw rollback;
    })();
  } catch (error) {
    if (error !== rollback) throw error;
  }
}

function applyChange(tx: Db, change: ParsedChange, index: number, ctx: WriteContext): void {
  const writer = entityDefinitions[change.entity].writer;
  try {
    if (change.operation === "create") createIn(tx, writer, change.payload as never, ctx);
    else if (change.operation === "update") updateIn(tx, writer, change.recordId, change.baseVersion, change.payload as never, ctx);
    else deleteIn(tx, writer, change.recordId, change.baseVersion, ctx);
  } catch (error) {
    if (error instanceof InvalidReferenceError)
      throw new InvalidReferenceError(
        changeField(index, error.field === "_form" ? "payload" : `payload.${error.field}`),
        `Change ${index + 1}: ${error.message}`,
      );
    if (error instanceof ConflictError || error instanceof NotFoundError)
      throw new SubmissionConflictError([
        {
          index,
          field: changeField(index, "baseVersion"),
          message: `Change ${index + 1}: the ${ENTITY_LABEL[change.entity]} was changed or deleted since the change was drafted.`,
        },
      ]);
    throw error;
  }
}

/**
 * Every rule a proposed change must meet, checked in the open transaction:
 * the payload's state and (for updates and deletions) the existing record's
 * state are the submitter's — the record is looked up with the state in the
 * WHERE — the base version is the record's current one, every measure key
 * cited is the state's or drafted in the submission, and the changes,
 * applied in their order (lib/submission-keys.ts), succeed against the
 * inventory as it is now.
 */
function checkChanges(tx: Db, actor: User, stateCode: string, changes: readonly ParsedChange[]): void {
  const conflicts: SubmissionConflictError["conflicts"] = [];
  changes.forEach((change, index) => {
    if (change.payload && change.payload.stateCode !== stateCode)
      throw new OutOfScopeError(changeField(index, "payload.stateCode"), `Change ${index + 1}: you can only propose changes for ${stateCode}.`);
    authorize(actor, "submission.propose", { stateCode: change.payload?.stateCode ?? stateCode });
    if (change.operation === "create") return;
    const record = findRecordInState(tx, change.entity, change.recordId, stateCode);
    if (!record)
      throw new OutOfScopeError(
        changeField(index, "recordId"),
        `Change ${index + 1}: there is no ${ENTITY_LABEL[change.entity]} #${change.recordId} of ${stateCode}.`,
      );
    if (record.version !== change.baseVersion)
      conflicts.push({
        index,
        field: changeField(index, "baseVersion"),
        message: `Change ${index + 1}: the ${ENTITY_LABEL[change.entity]} is now at version ${record.version}, not ${change.baseVersion}; draft the change again from the current record.`,
      });
  });
  if (conflicts.length) throw new SubmissionConflictError(conflicts);
  const unresolved = unresolvedKeys(changes, stateCode, existingMeasureKeys(tx, stateCode, changes));
  if (unresolved[0]) throw new InvalidReferenceError(changeField(unresolved[0].index, `payload.${unresolved[0].field}`), unresolved[0].message);
  tryWithoutKeeping(tx, () => applyInOrder(tx, changes, { actor }));
}

/** Which of the keys the changes cite are measures of the state already (the state is in the WHERE). */
function existingMeasureKeys(tx: Db, stateCode: string, changes: readonly ParsedChange[]): Set<string> {
  const cited = [...new Set(changes.flatMap((c) => citedKeys(c).map((k) => k.key)))];
  if (cited.length === 0) return new Set();
  const rows = tx
    .select({ key: nationalMeasures.key })
    .from(nationalMeasures)
    .where(and(eq(nationalMeasures.stateCode, stateCode), inArray(nationalMeasures.key, cited)))
    .all();
  return new Set(rows.map((r) => r.key));
}

/** Applies the changes so that a measure drafted in the submission exists before an entry cites it; errors keep each change's own index. */
function applyInOrder(tx: Db, changes: readonly ParsedChange[], ctx: WriteContext): void {
  for (const index of applicationOrder(changes)) applyChange(tx, changes[index]!, index, ctx);
}

function insertChanges(tx: Db, submissionId: number, changes: readonly ParsedChange[]) {
  for (const c of changes)
    tx.insert(submissionChanges)
      .values({ submissionId, entity: c.entity, operation: c.operation, recordId: c.recordId, baseVersion: c.baseVersion, payload: c.payload ?? {} })
      .run();
}

/** Keys are per author: one regulator's key can neither collide with nor reveal another's. */
const storedKey = (actor: User, key: string) => `${actor.id}:${key}`;

function sameContent(row: SubmissionRow, changes: SubmissionChangeRow[], input: SubmissionInput): boolean {
  const stored = submissionSnapshot(row, changes);
  const proposed = submissionSnapshot(
    row,
    input.changes.map((c) => ({ ...c, payload: c.payload ?? {} })),
  );
  return row.message === input.message && JSON.stringify(stored.changes) === JSON.stringify(proposed.changes);
}

export interface CreatedSubmission {
  submission: SubmissionRow;
  changes: SubmissionChangeRow[];
  /** True when the idempotency key named a submission that already existed: nothing new was written. */
  replayed: boolean;
}

/** The state a submitter acts for: its own, from the database-read actor, never from the request. */
function submitterState(actor: Actor, action: "submission.propose" | "submission.revise"): string {
  const stateCode = actor.kind === "user" ? actor.memberStateCode : null;
  if (!stateCode) throw new ForbiddenError(action);
  authorize(actor, action === "submission.propose" ? action : "submission.view", { stateCode });
  return stateCode;
}

/** The one write behind the draft form and `POST /api/v1/submissions`. */
export function createSubmission(
  db: Db,
  actor: User,
  input: SubmissionInput,
  options: { requestId?: string | null; via?: "form" | "api" } = {},
): CreatedSubmission {
  const stateCode = submitterState(actor, "submission.propose");
  return writeTransaction(db, (tx) => {
    const key = input.idempotencyKey ? storedKey(actor, input.idempotencyKey) : null;
    if (key) {
      const existing = findByIdempotencyKey(tx, key);
      if (existing) {
        const changes = listChanges(tx, existing.id);
        if (!sameContent(existing, changes, input)) throw new IdempotencyKeyReuseError(existing.id);
        return { submission: existing, changes, replayed: true };
      }
    }
    checkChanges(tx, actor, stateCode, input.changes);
    const row = tx
      .insert(submissions)
      .values({ stateCode, authorId: actor.id, status: "pending", message: input.message, idempotencyKey: key })
      .returning()
      .get();
    insertChanges(tx, row.id, input.changes);
    const changes = listChanges(tx, row.id);
    recordAudit(tx, {
      actor,
      action: "submission.create",
      entity: "submission",
      recordId: row.id,
      before: null,
      after: { ...submissionSnapshot(row, changes), via: options.via ?? "form" },
      submissionId: row.id,
      requestId: options.requestId,
    });
    return { submission: row, changes, replayed: false };
  });
}

function loadForUpdate(tx: Db, id: number, expectedVersion: number, stateCode?: string): { row: SubmissionRow; changes: SubmissionChangeRow[] } {
  const row = tx
    .select()
    .from(submissions)
    .where(and(eq(submissions.id, id), stateCode ? eq(submissions.stateCode, stateCode) : undefined))
    .get();
  if (!row) throw new NotFoundError("submission", id);
  const changes = listChanges(tx, id);
  if (row.version !== expectedVersion) throw new ConflictError("submission", id, submissionSnapshot(row, changes));
  return { row, changes };
}

function setStatus(
  tx: Db,
  actor: User,
  before: { row: SubmissionRow; changes: SubmissionChangeRow[] },
  set: Partial<typeof submissions.$inferInsert>,
  action: string,
  requestId?: string | null,
): SubmissionRow {
  const now = new Date().toISOString();
  const updated = tx
    .update(submissions)
    .set({ ...set, version: sql`${submissions.version} + 1`, updatedAt: now })
    .where(and(eq(submissions.id, before.row.id), eq(submissions.version, before.row.version)))
    .returning()
    .get();
  if (!updated) throw new ConflictError("submission", before.row.id, submissionSnapshot(before.row, before.changes));
  recordAudit(tx, {
    actor,
    action,
    entity: "submission",
    recordId: updated.id,
    before: submissionSnapshot(before.row, before.changes),
    after: submissionSnapshot(updated, listChanges(tx, updated.id)),
    submissionId: updated.id,
    reason: set.reviewComment ?? null,
    requestId,
  });
  return updated;
}

/** Only its author, only when it was sent back: new message and changes, back to pending. */
export function reviseSubmission(
  db: Db,
  actor: User,
  id: number,
  expectedVersion: number,
  input: Omit<SubmissionInput, "idempotencyKey">,
  options: { requestId?: string | null } = {},
): SubmissionRow {
  const stateCode = submitterState(actor, "submission.revise");
  return writeTransaction(db, (tx) => {
    const before = loadForUpdate(tx, id, expectedVersion, stateCode);
    authorize(actor, "submission.revise", { stateCode: before.row.stateCode, ownerId: before.row.authorId });
    if (before.row.status !== "changes_requested")
      throw new SubmissionStatusError(before.row.status, "Only a submission that was sent back for changes can be revised.");
    checkChanges(tx, actor, stateCode, input.changes);
    tx.delete(submissionChanges).where(eq(submissionChanges.submissionId, id)).run();
    insertChanges(tx, id, input.changes);
    return setStatus(tx, actor, before, { message: input.message, status: "pending" }, "submission.revise", options.requestId);
  });
}

function startReview(
  tx: Db,
  actor: Actor,
  id: number,
  expectedVersion: number,
): { before: { row: SubmissionRow; changes: SubmissionChangeRow[] }; reviewer: User } {
  const before = loadForUpdate(tx, id, expectedVersion);
  authorize(actor, "submission.review", { stateCode: before.row.stateCode });
  if (before.row.status !== "pending")
    throw new SubmissionStatusError(before.row.status, `This submission is no longer pending (it is ${before.row.status.replace("_", " ")}).`);
  return { before, reviewer: actor };
}

/** The stored change, parsed again with today's schema before it is applied. */
function reparse(change: SubmissionChangeRow, index: number): ParsedChange {
  const parsed = submissionChange.safeParse({
    entity: change.entity,
    operation: change.operation,
    recordId: change.recordId,
    baseVersion: change.baseVersion,
    payload: change.operation === "delete" ? undefined : change.payload,
  });
  if (!parsed.success)
    throw new InvalidReferenceError(
      changeField(index, "payload"),
      `Change ${index + 1} no longer passes validation: ${parsed.error.issues[0]?.message ?? "invalid"}`,
    );
  return parsed.data;
}

/**
 * Applies every change, or none: a conflicting change (its record moved past
 * the base version, was deleted, or left the state) refuses the approval
 * before anything is written; a change that fails while applying rolls back
 * the ones applied before it.
 */
export function approveSubmission(
  db: Db,
  actor: Actor,
  id: number,
  expectedVersion: number,
  options: { comment?: string | null; requestId?: string | null } = {},
): SubmissionRow {
  return writeTransaction(db, (tx) => {
    const { before, reviewer } = startReview(tx, actor, id, expectedVersion);
    const conflicts = reviewChanges(tx, before.row.stateCode, before.changes).flatMap((r, index) =>
      r.conflict
        ? [
            {
              index,
              field: changeField(index, "baseVersion"),
              message:
                r.conflict.kind === "gone"
                  ? `Change ${index + 1}: the record no longer exists in ${before.row.stateCode}.`
                  : `Change ${index + 1}: the record is now at version ${r.conflict.currentVersion}, the change was drafted against version ${r.change.baseVersion}.`,
            },
          ]
        : [],
    );
    if (conflicts.length) throw new SubmissionConflictError(conflicts);
    const ctx: WriteContext = {
      actor: reviewer,
      submissionId: id,
      requestId: options.requestId,
      reason: `Submission #${id}: ${before.row.message.slice(0, 200)}`,
    };
    const changes = before.changes.map((stored, index) => {
      const change = reparse(stored, index);
      if (change.payload && change.payload.stateCode !== before.row.stateCode)
        throw new OutOfScopeError(changeField(index, "payload.stateCode"), `Change ${index + 1} is not for ${before.row.stateCode}.`);
      return change;
    });
    applyInOrder(tx, changes, ctx);
    return setStatus(
      tx,
      reviewer,
      before,
      { status: "approved", reviewerId: reviewer.id, reviewComment: options.comment ?? null, reviewedAt: new Date().toISOString() },
      "submission.approve",
      options.requestId,
    );
  });
}

export function rejectSubmission(
  db: Db,
  actor: Actor,
  id: number,
  expectedVersion: number,
  reason: string,
  options: { requestId?: string | null } = {},
): SubmissionRow {
  return closeReview(db, actor, id, expectedVersion, { status: "rejected", comment: reason, event: "submission.reject" }, options.requestId);
}

export function requestChanges(
  db: Db,
  actor: Actor,
  id: number,
  expectedVersion: number,
  comment: string,
  options: { requestId?: string | null } = {},
): SubmissionRow {
  return closeReview(db, actor, id, expectedVersion, { status: "changes_requested", comment, event: "submission.request_changes" }, options.requestId);
}

/** A review that applies nothing: the submission gets its new status and the reviewer's comment, in one audited transaction. */
function closeReview(
  db: Db,
  actor: Actor,
  id: number,
  expectedVersion: number,
  outcome: { status: "rejected" | "changes_requested"; comment: string; event: "submission.reject" | "submission.request_changes" },
  requestId: string | null | undefined,
): SubmissionRow {
  return writeTransaction(db, (tx) => {
    const { before, reviewer } = startReview(tx, actor, id, expectedVersion);
    const review = { status: outcome.status, reviewerId: reviewer.id, reviewComment: outcome.comment, reviewedAt: new Date().toISOString() };
    return setStatus(tx, reviewer, before, review, outcome.event, requestId);
  });
}
