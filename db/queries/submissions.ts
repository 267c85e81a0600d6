/**
 * Reads of regulators' submissions. Every read takes its scope explicitly:
 * a regulator's reads carry its Member State into the WHERE, a reviewer's
 * read all states (the policy grants `submission.review` to staff only).
 */
import { ForbiddenError } from "@/lib/errors";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../client";
import { auditEvents, submissionChanges, submissions, users } from "../schema";
import type { Snapshot } from "../writes/entity";
import { entityDefinitions } from "../entities";
import { can, type Actor, type EditableEntity } from "../../lib/policy";
import type { SubmissionListFilter } from "../../lib/validation/submission";

export type SubmissionRow = typeof submissions.$inferSelect;
export type SubmissionChangeRow = typeof submissionChanges.$inferSelect;

/** Whose submissions a read may return. */
export type SubmissionScope = { kind: "state"; stateCode: string } | { kind: "all" };

/** The scope the policy gives this actor, or a ForbiddenError: never an "everything" by default. */
export function submissionScopeFor(actor: Actor): SubmissionScope {
  if (can(actor, "submission.review")) return { kind: "all" };
  if (actor.kind === "user" && actor.memberStateCode && can(actor, "submission.view", { stateCode: actor.memberStateCode }))
    return { kind: "state", stateCode: actor.memberStateCode };
  throw new ForbiddenError("submission.view");
}

function scopeCondition(scope: SubmissionScope): SQL | undefined {
  return scope.kind === "state" ? eq(submissions.stateCode, scope.stateCode) : undefined;
}

/** The record's id and version, only if it belongs to `stateCode`: the scope is in the WHERE, not checked after the fetch. */
export function findRecordInState(db: Db, entity: EditableEntity, id: number, stateCode: string): { id: number; version: number } | undefined {
  const table = entityDefinitions[entity].table;
  return db
    .select({ id: table.id, version: table.version })
    .from(table)
    .where(and(eq(table.id, id), eq(table.stateCode, stateCode)))
    .get();
}

const authors = alias(users, "author");
const reviewers = alias(users, "reviewer");

const listColumns = {
  id: submissions.id,
  stateCode: submissions.stateCode,
  status: submissions.status,
  message: submissions.message,
  createdAt: submissions.createdAt,
  updatedAt: submissions.updatedAt,
  reviewedAt: submissions.reviewedAt,
  version: submissions.version,
  authorId: submissions.authorId,
  authorName: authors.name,
  authorEmail: authors.email,
  reviewerName: reviewers.name,
  changeCount: sql<number>`(select count(*) from ${submissionChanges} where ${submissionChanges.submissionId} = ${submissions.id})`,
};

export type SubmissionListItem = {
  id: number;
  stateCode: string;
  status: SubmissionRow["status"];
  message: string;
  createdAt: string;
  updatedAt: string;
  reviewedAt: string | null;
  version: number;
  authorId: number;
  authorName: string;
  authorEmail: string;
  reviewerName: string | null;
  changeCount: number;
};

/** Pending first (oldest waiting first), then the rest newest first. */
export function listSubmissions(db: Db, scope: SubmissionScope, filter: SubmissionListFilter = {}, limit = 200): SubmissionListItem[] {
  const where = and(
    scopeCondition(scope),
    filter.state ? eq(submissions.stateCode, filter.state) : undefined,
    filter.status ? eq(submissions.status, filter.status) : undefined,
  );
  return db
    .select(listColumns)
    .from(submissions)
    .innerJoin(authors, eq(authors.id, submissions.authorId))
    .leftJoin(reviewers, eq(reviewers.id, submissions.reviewerId))
    .where(where)
    .orderBy(
      sql`case when ${submissions.status} = 'pending' then 0 else 1 end`,
      sql`case when ${submissions.status} = 'pending' then ${submissions.createdAt} end asc`,
      desc(submissions.updatedAt),
      desc(submissions.id),
    )
    .limit(limit)
    .all();
}

export interface SubmissionDetail extends SubmissionListItem {
  reviewComment: string | null;
  reviewerEmail: string | null;
  changes: SubmissionChangeRow[];
}

export function findSubmission(db: Db, id: number, scope: SubmissionScope): SubmissionDetail | undefined {
  const row = db
    .select({ ...listColumns, reviewComment: submissions.reviewComment, reviewerEmail: reviewers.email })
    .from(submissions)
    .innerJoin(authors, eq(authors.id, submissions.authorId))
    .leftJoin(reviewers, eq(reviewers.id, submissions.reviewerId))
    .where(and(eq(submissions.id, id), scopeCondition(scope)))
    .get();
  if (!row) return undefined;
  return { ...row, changes: listChanges(db, id) };
}

export function listChanges(db: Db, submissionId: number): SubmissionChangeRow[] {
  return db.select().from(submissionChanges).where(eq(submissionChanges.submissionId, submissionId)).orderBy(asc(submissionChanges.id)).all();
}

export type ChangeConflict = { kind: "changed"; currentVersion: number } | { kind: "gone" } | null;

export interface ChangeReview {
  change: SubmissionChangeRow;
  /** The record as it is now (for updates and deletions), within the submission's state. */
  current: Snapshot | null;
  conflict: ChangeConflict;
}

/**
 * Each change against the current record of the submission's state. A record
 * that moved past the change's base version, vanished, or left the state is a
 * conflict: the change was drafted against something that no longer exists.
 */
export function reviewChanges(db: Db, stateCode: string, changes: readonly SubmissionChangeRow[]): ChangeReview[] {
  return changes.map((change) => {
    if (change.operation === "create" || change.recordId == null) return { change, current: null, conflict: null };
    const inState = findRecordInState(db, change.entity, change.recordId, stateCode);
    if (!inState) return { change, current: null, conflict: { kind: "gone" } };
    const current = entityDefinitions[change.entity].writer.snapshot(db, change.recordId) ?? null;
    const conflict: ChangeConflict = inState.version !== change.baseVersion ? { kind: "changed", currentVersion: inState.version } : null;
    return { change, current, conflict };
  });
}

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** The audit events written through a submission: its own status changes and every change it applied. */
export function listSubmissionAuditEvents(db: Db, submissionId: number): AuditEventRow[] {
  return db.select().from(auditEvents).where(eq(auditEvents.submissionId, submissionId)).orderBy(asc(auditEvents.id)).all();
}

/** A submission by its author's idempotency key (the key is namespaced per author). */
export function findByIdempotencyKey(db: Db, storedKey: string): SubmissionRow | undefined {
  return db.select().from(submissions).where(eq(submissions.idempotencyKey, storedKey)).get();
}
