/**
 * The generic write path every editable record goes through, whether the
 * change comes from a form, an approved submission, an import or a restore:
 * one IMMEDIATE transaction that checks the version, writes, and records the
 * audit event with the record's before and after.
 */
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Db } from "../client";
import { recordAudit } from "../audit";
import { writeTransaction } from "../transaction";
import type { Actor } from "../../lib/policy";

export type Snapshot = Record<string, unknown> & { id: number; version: number; stateCode: string | null };

export interface EntityWriter<Input> {
  entity: string;
  /** The record as history and diffs show it (with its links resolved to natural keys). */
  snapshot(db: Db, id: number): Snapshot | undefined;
  insert(db: Db, actor: Actor, input: Input): number;
  /** Writes the new values and bumps the version; called only after the version was checked. */
  update(db: Db, actor: Actor, id: number, input: Input): void;
  remove(db: Db, id: number): void;
}

export interface WriteContext {
  actor: Actor;
  submissionId?: number | null;
  reason?: string | null;
  requestId?: string | null;
  /** Audit action name; defaults to create/update/delete. */
  action?: string;
}

function audit(db: Db, ctx: WriteContext, entity: string, action: string, recordId: number, before: unknown, after: unknown) {
  recordAudit(db, {
    actor: ctx.actor,
    action: ctx.action ?? action,
    entity,
    recordId,
    before,
    after,
    submissionId: ctx.submissionId,
    reason: ctx.reason,
    requestId: ctx.requestId,
  });
}

/** Inside an open transaction (used when a submission applies several changes at once). */
export function createIn<I>(db: Db, writer: EntityWriter<I>, input: I, ctx: WriteContext): Snapshot {
  const id = writer.insert(db, ctx.actor, input);
  const after = writer.snapshot(db, id)!;
  audit(db, ctx, writer.entity, "create", id, null, after);
  return after;
}

export function updateIn<I>(db: Db, writer: EntityWriter<I>, id: number, expectedVersion: number, input: I, ctx: WriteContext): Snapshot {
  const before = writer.snapshot(db, id);
  if (!before) throw new NotFoundError(writer.entity, id);
  if (before.version !== expectedVersion) throw new ConflictError(writer.entity, id, before);
  writer.update(db, ctx.actor, id, input);
  const after = writer.snapshot(db, id)!;
  audit(db, ctx, writer.entity, "update", id, before, after);
  return after;
}

export function deleteIn<I>(db: Db, writer: EntityWriter<I>, id: number, expectedVersion: number, ctx: WriteContext): Snapshot {
  const before = writer.snapshot(db, id);
  if (!before) throw new NotFoundError(writer.entity, id);
  if (before.version !== expectedVersion) throw new ConflictError(writer.entity, id, before);
  writer.remove(db, id);
  audit(db, ctx, writer.entity, "delete", id, before, null);
  return before;
}

export const createRecord = <I>(db: Db, writer: EntityWriter<I>, input: I, ctx: WriteContext) => writeTransaction(db, (tx) => createIn(tx, writer, input, ctx));
export const updateRecord = <I>(db: Db, writer: EntityWriter<I>, id: number, version: number, input: I, ctx: WriteContext) =>
  writeTransaction(db, (tx) => updateIn(tx, writer, id, version, input, ctx));
export const deleteRecord = <I>(db: Db, writer: EntityWriter<I>, id: number, version: number, ctx: WriteContext) =>
  writeTransaction(db, (tx) => deleteIn(tx, writer, id, version, ctx));
