/** Every change writes one audit event in the same transaction as the change. */
import type { Db } from "./client";
import { auditEvents } from "./schema";
import { actorLabel, type Actor } from "../lib/policy";

export interface AuditInput {
  actor: Actor | { kind: "system"; label: string };
  action: string;
  entity: string;
  recordId: string | number | null;
  before?: unknown;
  after?: unknown;
  submissionId?: number | null;
  reason?: string | null;
  requestId?: string | null;
}

export function recordAudit(db: Db, event: AuditInput): void {
  db.insert(auditEvents)
    .values({
      actorId: event.actor.kind === "user" ? event.actor.id : null,
      actorLabel: event.actor.kind === "system" ? event.actor.label : actorLabel(event.actor),
      action: event.action,
      entity: event.entity,
      recordId: event.recordId == null ? null : String(event.recordId),
      before: event.before ?? null,
      after: event.after ?? null,
      submissionId: event.submissionId ?? null,
      reason: event.reason ?? null,
      requestId: event.requestId ?? null,
    })
    .run();
}
